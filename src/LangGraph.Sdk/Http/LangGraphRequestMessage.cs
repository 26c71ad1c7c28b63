using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace LangGraph.Sdk.Http;

/// <summary>
/// The HTTP message of one <see cref="LangGraphRequest"/>: content, then the client's default headers, the method's and
/// the caller's, in that order. It can build itself again, so that <see cref="RetryHandler"/> sends a fresh message on
/// every attempt: an <see cref="HttpRequestMessage"/> may be sent only once through an <see cref="HttpClient"/>, and a
/// handler that follows redirects changes its <see cref="HttpRequestMessage.RequestUri"/>.
/// </summary>
internal sealed class LangGraphRequestMessage : HttpRequestMessage
{
    private static readonly string[] ContentHeaderNames =
    [
        "Content-Type", "Content-Length", "Content-Encoding", "Content-Language", "Content-Location", "Content-MD5",
        "Content-Range", "Content-Disposition", "Expires", "Last-Modified", "Allow",
    ];

    private readonly KeyValuePair<string, string>[] _defaultHeaders;
    private bool _claimed;
    private int _attempts;

    public LangGraphRequestMessage(LangGraphRequest request, Uri url, KeyValuePair<string, string>[] defaultHeaders, RequestAttempts attempts)
        : base(request.Method, url)
    {
        Request = request;
        Url = url;
        Attempts = attempts;
        _defaultHeaders = defaultHeaders;
        if (request.Body is { } body)
        {
            Content = new ByteArrayContent(body);
            Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        foreach (var (name, value) in defaultHeaders)
        {
            SetHeader(name, value);
        }

        if (request.MethodHeaders is { } methodHeaders)
        {
            foreach (var (name, value) in methodHeaders)
            {
                SetHeader(name, value);
            }
        }

        if (request.Options?.Headers is { Count: > 0 } perCall)
        {
            foreach (var (name, value) in perCall)
            {
                SetHeader(name, value);
            }
        }
    }

    /// <summary>Gets the call this message sends.</summary>
    public LangGraphRequest Request { get; }

    /// <summary>Gets the URL every attempt goes to (a redirect-following handler may change <see cref="HttpRequestMessage.RequestUri"/>).</summary>
    public Uri Url { get; }

    /// <summary>Gets how the retry handler sends the message.</summary>
    public RequestAttempts Attempts { get; }

    /// <summary>
    /// Claims the message for a retry handler. False when another one already did, so that a handler chain that holds
    /// the handler twice (the registered client passed back in as a caller's) still retries once.
    /// </summary>
    public bool Claim()
    {
        if (_claimed)
        {
            return false;
        }

        _claimed = true;
        return true;
    }

    /// <summary>
    /// The message of the next attempt: this one first, then a new one built from the same request. A message holds
    /// nothing to release (its content is a byte array), so an attempt's message is left to the collector, as its
    /// response keeps it as <see cref="HttpResponseMessage.RequestMessage"/>.
    /// </summary>
    public LangGraphRequestMessage NextAttempt() =>
        _attempts++ == 0 ? this : new LangGraphRequestMessage(Request, Url, _defaultHeaders, Attempts) { _claimed = true };

    private static bool IsContentHeader(string name) =>
        Array.Exists(ContentHeaderNames, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));

    private void SetHeader(string name, string value)
    {
        if (IsContentHeader(name))
        {
            if (Content is { } content)
            {
                content.Headers.Remove(name);
                content.Headers.TryAddWithoutValidation(name, value);
            }

            return;
        }

        Headers.Remove(name);
        if (!Headers.TryAddWithoutValidation(name, value))
        {
            throw new ArgumentException($"The header '{name}' cannot be set on a request.");
        }
    }
}
