using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.Tests.TestSupport;

/// <summary>
/// Forwards to the network and records each request exactly as HttpClient puts it on the wire (the escaped
/// path and query), which WireMock's log shows only decoded.
/// </summary>
public sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(new RecordedRequest(request.Method.Method, request.RequestUri!.PathAndQuery, request.RequestUri.AbsolutePath));
        return base.SendAsync(request, cancellationToken);
    }
}

public sealed record RecordedRequest(string Method, string PathAndQuery, string Path);
