using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using LangGraph.Sdk.Diagnostics;
using Polly;
using Polly.Retry;

namespace LangGraph.Sdk.Http;

/// <summary>
/// The Polly v8 retry pipeline that <see cref="RetryHandler"/> runs. It decides from the method whether a request may be sent again:
/// connect failures are retried for every method; 408/429/5xx and lost connections only for idempotent methods.
/// </summary>
internal static class RetryPipeline
{
    /// <summary>
    /// The message of the current execution: its method says whether it is idempotent, its operation (span name) names
    /// the retry's span event and counter. One reference, so that setting it boxes nothing.
    /// </summary>
    internal static readonly ResiliencePropertyKey<LangGraphRequestMessage?> MessageKey = new("LangGraph.Sdk.Message");

    public static ResiliencePipeline<HttpResponseMessage> Create(LangGraphRetryOptions options, TimeProvider timeProvider)
    {
        if (!options.Enabled || options.MaxRetryAttempts == 0)
        {
            return ResiliencePipeline<HttpResponseMessage>.Empty;
        }

        var maxRetryAfter = options.MaxRetryAfter;
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context.Properties.GetValue(MessageKey, null) is { } message && IsIdempotent(message.Method), maxRetryAfter, timeProvider)),
                // Retry-After when the server sent one, else the client's one backoff (that of stream reconnects too).
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    (args.Outcome.Result is { } response ? GetRetryAfter(response, timeProvider) : null) ?? options.ReconnectDelay(args.AttemptNumber + 1)),
                // A span event on the operation's span (current: the retry runs inside it) and the retries counter.
                OnRetry = args =>
                {
                    Telemetry.OnRetry(
                        args.Context.Properties.GetValue(MessageKey, null)?.Request.Operation, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Result, args.Outcome.Exception);
                    return default;
                },
            })
            .Build();
    }

    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Head || method == HttpMethod.Options;

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, bool idempotent, TimeSpan maxRetryAfter, TimeProvider timeProvider)
    {
        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                HttpRequestException http when IsConnectFailure(http) => true,
                HttpRequestException => idempotent,
                System.IO.IOException => idempotent,
                _ => false,
            };
        }

        if (!idempotent || outcome.Result is not { } response)
        {
            return false;
        }

        if (!IsRetriableStatus(response.StatusCode))
        {
            return false;
        }

        var retryAfter = GetRetryAfter(response, timeProvider);
        return retryAfter is null || retryAfter <= maxRetryAfter;
    }

    /// <summary>True when the connection could not be established: the server never saw the request.</summary>
    internal static bool IsConnectFailure(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError
            or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError
            or HttpRequestError.ProxyTunnelError;

    internal static TimeSpan? GetRetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter is null)
        {
            return null;
        }

        if (retryAfter.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    internal static bool IsRetriableStatus(HttpStatusCode status) => (int)status is 408 or 429 or >= 500;
}
