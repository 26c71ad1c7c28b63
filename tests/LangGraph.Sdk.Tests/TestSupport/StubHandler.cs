using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.Tests.TestSupport;

/// <summary>
/// An in-memory handler that plays a script: each request takes the next step (the last one repeats), and every
/// attempt is counted. Steps can answer or throw, which lets tests fail a connection deterministically.
/// </summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage>[] _steps;
    private readonly ConcurrentQueue<string> _requests = new();
    private int _calls;

    public StubHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] steps) => _steps = steps;

    public int Calls => _calls;

    /// <summary>"METHOD path?query" of every attempt.</summary>
    public IReadOnlyList<string> Requests => _requests.ToList();

    public static Func<HttpRequestMessage, HttpResponseMessage> Json(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        _ => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    public static Func<HttpRequestMessage, HttpResponseMessage> Status(HttpStatusCode status) =>
        _ => new HttpResponseMessage(status) { Content = new StringContent(string.Empty) };

    public static Func<HttpRequestMessage, HttpResponseMessage> Throw(Exception exception) => _ => throw exception;

    public static Func<HttpRequestMessage, HttpResponseMessage> ConnectionRefused() =>
        Throw(new HttpRequestException(HttpRequestError.ConnectionError, "refused"));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var index = Interlocked.Increment(ref _calls) - 1;
        _requests.Enqueue($"{request.Method.Method} {request.RequestUri!.PathAndQuery}");
        var step = _steps[Math.Min(index, _steps.Length - 1)];
        return Task.FromResult(step(request));
    }
}
