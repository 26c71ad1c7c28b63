using System;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Streaming;
using Polly;

namespace LangGraph.Sdk.Http;

/// <summary>
/// The one place requests are retried: a <see cref="DelegatingHandler"/> that runs the Polly pipeline of
/// <see cref="RetryPipeline"/>, as dotnet/extensions' <c>ResilienceHandler</c> does. Every client has it in front of its
/// transport: its own <see cref="SocketsHttpHandler"/>, the handler chain <c>AddLangGraphClient</c> registers with
/// <c>IHttpClientFactory</c> (where the handlers added to the builder run inside it, once per attempt), and a
/// caller's <see cref="HttpClient"/>, which it reaches through <see cref="HttpClientForwarder"/>.
/// </summary>
/// <remarks>
/// Each attempt sends a fresh message (<see cref="LangGraphRequestMessage.NextAttempt"/>), refuses an answer from
/// another origin (a caller's handler that followed a redirect), and, for <see cref="RequestAttempts.RetriedBuffered"/>,
/// reads a successful body whole so that a body cut mid-read is retried like a lost connection. Requests that are not
/// the client's own pass through unchanged.
/// </remarks>
internal sealed class RetryHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly Uri _apiUrl;
    private readonly TimeSpan _maxRetryAfter;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the handler of the client configured by <paramref name="options"/> (already validated).</summary>
    public RetryHandler(LangGraphClientOptions options, TimeProvider timeProvider)
    {
        _apiUrl = options.ApiUrl;
        _pipeline = RetryPipeline.Create(options.Retry, timeProvider);
        _maxRetryAfter = options.Retry.MaxRetryAfter;
        _timeProvider = timeProvider;
    }

    /// <summary>Creates the handler in front of <paramref name="innerHandler"/>.</summary>
    public RetryHandler(LangGraphClientOptions options, TimeProvider timeProvider, HttpMessageHandler innerHandler)
        : this(options, timeProvider) =>
        InnerHandler = innerHandler;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request is not LangGraphRequestMessage message || !message.Claim())
        {
            return base.SendAsync(request, cancellationToken);
        }

        return message.Attempts == RequestAttempts.Once || ReferenceEquals(_pipeline, ResiliencePipeline<HttpResponseMessage>.Empty)
            ? AttemptAsync(message, cancellationToken).AsTask()
            : SendWithRetriesAsync(message, cancellationToken);
    }

    /// <summary>
    /// The first attempt runs outside the pipeline, and most calls end there: a response or an error the policy would
    /// not retry is the call's outcome, with none of the pipeline's per-call cost (a pooled context that a busy process
    /// runs out of, and an async state machine per strategy layer for every call that waits on the network). An outcome
    /// the policy retries is handed to the pipeline as its first attempt's (<see cref="Replay"/>): the pipeline then
    /// decides, waits, reports the retry and sends the next attempts exactly as if it had made the first one itself.
    /// </summary>
    private async Task<HttpResponseMessage> SendWithRetriesAsync(LangGraphRequestMessage message, CancellationToken cancellationToken)
    {
        var idempotent = RetryPipeline.IsIdempotent(message.Method);
        Replay first;
        try
        {
            var response = await AttemptAsync(message, cancellationToken).ConfigureAwait(false);
            if (!RetryPipeline.ShouldRetry(Outcome.FromResult(response), idempotent, _maxRetryAfter, _timeProvider))
            {
                return response;
            }

            first = new Replay(response, null);
        }
        catch (Exception ex) when (RetryPipeline.ShouldRetry(Outcome.FromException<HttpResponseMessage>(ex), idempotent, _maxRetryAfter, _timeProvider))
        {
            first = new Replay(null, ex);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RetryPipeline.MessageKey, message);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (ctx, state) => state.first.TryTake(out var outcome) ? outcome : state.handler.AttemptAsync(state.message, ctx.CancellationToken),
                context,
                (handler: this, message, first)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // Pooled: the state machine of an attempt, which every call has, is reused instead of allocated; the ValueTask is
    // awaited once, here or by the pipeline.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<HttpResponseMessage> AttemptAsync(LangGraphRequestMessage message, CancellationToken cancellationToken)
    {
        var attempt = message.NextAttempt();
        var sentTo = attempt.Url;
        var response = await base.SendAsync(attempt, cancellationToken).ConfigureAwait(false);
        if (response.RequestMessage?.RequestUri is { } answeredBy && !LangGraphHttpCore.SameOrigin(answeredBy, sentTo))
        {
            // A caller-supplied HttpClient followed a redirect to another origin: refuse its answer.
            response.Dispose();
            throw new LangGraphException(
                $"{attempt.Method.Method} {Origin(sentTo)}{sentTo.AbsolutePath} was redirected to another origin, {Origin(answeredBy)}, and the HttpClient followed it " +
                $"(the API is at {Origin(_apiUrl)}). Its answer is refused; give the LangGraph client an HttpClient whose handler has AllowAutoRedirect = false, so that no credential can follow a redirect.");
        }

        if (message.Attempts != RequestAttempts.RetriedBuffered || !response.IsSuccessStatusCode)
        {
            return response;
        }

        try
        {
            // Into the pooled buffer of the message the core holds, whichever attempt answered.
            await message.ReadResponseBodyAsync(response.Content, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            var run = RunLocation.Parse(LangGraphHttpCore.ContentLocation(response));
            response.Dispose();
            throw new ResponseBodyLostException(run, ex);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static string Origin(Uri url) => url.GetLeftPart(UriPartial.Authority);

    /// <summary>The outcome of the attempt made before the pipeline ran, given to the pipeline as its first attempt's, once.</summary>
    private sealed class Replay(HttpResponseMessage? response, Exception? failure)
    {
        private bool _taken;

        /// <summary>The recorded outcome the first time (a response, or the failure, rethrown with its own stack trace), then false.</summary>
        public bool TryTake(out ValueTask<HttpResponseMessage> outcome)
        {
            if (_taken)
            {
                outcome = default;
                return false;
            }

            _taken = true;
            if (failure is not null)
            {
                outcome = ValueTask.FromException<HttpResponseMessage>(failure);
                return true;
            }

            outcome = new ValueTask<HttpResponseMessage>(response!);
            return true;
        }
    }
}
