using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using FluentAssertions;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace LangGraph.Sdk.Tests.TestSupport;

/// <summary>Base of the tests that talk to a WireMock server: a fresh server state per test and client helpers.</summary>
public abstract class WireMockTestBase : IClassFixture<WireMockFixture>, IDisposable
{
    private readonly List<IDisposable> _disposables = [];

    protected WireMockTestBase(WireMockFixture fixture)
    {
        Server = fixture.Server;
        Server.Reset();
    }

    protected WireMockServer Server { get; }

    protected string Url => Server.Url!;

    protected LangGraphClient CreateClient(Action<LangGraphClientOptions>? configure = null, Func<string, string?>? environment = null, HttpClient? httpClient = null)
    {
        var client = TestClients.Create(Url, configure, environment, httpClient);
        _disposables.Add(client);
        return client;
    }

    /// <summary>Answers every request with the given status, body and content type.</summary>
    protected void RespondToAll(int status = 200, string? body = "{}", string contentType = "application/json", IDictionary<string, string>? headers = null) =>
        Respond(Request.Create().UsingAnyMethod(), status, body, contentType, headers);

    protected void Respond(IRequestBuilder request, int status = 200, string? body = "{}", string contentType = "application/json", IDictionary<string, string>? headers = null)
    {
        var response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithBody(body).WithHeader("Content-Type", contentType);
        }

        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                response = response.WithHeader(name, value);
            }
        }

        Server.Given(request).RespondWith(response);
    }

    /// <summary>The one request the server received.</summary>
    protected IRequestMessage SingleRequest() => Server.LogEntries.Should().ContainSingle().Subject.RequestMessage;

    protected IReadOnlyList<IRequestMessage> Requests() => Server.LogEntries.Select(e => e.RequestMessage).ToList();

    /// <summary>The value of a request header (names are case-insensitive), or null when absent.</summary>
    protected static string? Header(IRequestMessage request, string name)
    {
        var match = request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
        return match?.Value is { } values ? string.Join(",", values) : null;
    }

    public void Dispose()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
