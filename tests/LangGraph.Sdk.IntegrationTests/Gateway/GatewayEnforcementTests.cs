using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;

namespace LangGraph.Sdk.IntegrationTests.Gateway;

/// <summary>
/// One test per enforcement point of the gateway, against the real no-auth LangGraph server behind it. Raw HTTP, so the
/// exact bytes, paths and headers reach the gateway; where a refusal matters, the upstream is then read directly to
/// prove that nothing was forwarded.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class GatewayEnforcementTests(GatewayFixture gateway) : IDisposable
{
    private const string Alice = "Bearer " + LangGraphServerFixture.AliceToken;
    private const string Bob = "Bearer " + LangGraphServerFixture.BobToken;

    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false }) { Timeout = TimeSpan.FromMinutes(1) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Exact_paging_and_counts_see_only_the_callers_threads_and_a_conflicting_filter_is_empty()
    {
        var marker = LangGraphServerFixture.NewMarker();
        var mine = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            mine.Add(await CreateThreadAsync(Alice, marker));
            await CreateThreadAsync(Bob, marker);
        }

        // Threads of nobody, written straight to the upstream: never visible through the gateway.
        await SendAsync(HttpMethod.Post, "/threads", null, Json(new { metadata = new { marker } }), upstream: true);

        var pages = new List<string>();
        var totals = new List<string?>();
        for (var offset = 0; offset < 4; offset += 2)
        {
            using var page = await SendAsync(HttpMethod.Post, "/threads/search", Alice,
                Json(new { metadata = new { marker }, limit = 2, offset, sort_by = "created_at", sort_order = "asc" }));
            page.StatusCode.Should().Be(HttpStatusCode.OK);
            totals.Add(page.Headers.TryGetValues("x-pagination-total", out var total) ? total.Single() : null);
            pages.AddRange((await ReadJsonAsync(page)).EnumerateArray().Select(t => t.GetProperty("thread_id").GetString()!));
        }

        pages.Should().Equal(mine, "two pages of two give alice's three threads in order, none of bob's or nobody's");
        // The JS server's quirk: X-Pagination-Total is offset + n, n = the matches over all pages (README "Pagination quirk").
        // n = 3 shows the filter was pushed into the upstream query: unfiltered it would be 7.
        totals.Should().Equal(["3", "5"]);
        (await CountAsync(Alice, new { metadata = new { marker } })).Should().Be(3);
        (await CountAsync(Bob, new { metadata = new { marker } })).Should().Be(3);

        // alice asking for bob's threads: the caller's metadata and the auth filter conflict, so nothing matches.
        using var conflict = await SendAsync(HttpMethod.Post, "/threads/search", Alice, Json(new { metadata = new { marker, owner = "bob" } }));
        conflict.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ReadJsonAsync(conflict)).GetArrayLength().Should().Be(0);
        (await CountAsync(Alice, new { metadata = new { marker, owner = "bob" } })).Should().Be(0);
    }

    [Fact]
    public async Task A_body_with_duplicate_keys_is_refused_with_400_and_not_forwarded()
    {
        var marker = LangGraphServerFixture.NewMarker();

        // Parsers disagree on which "metadata" wins: the handler could see one and the server store the other.
        using var response = await SendAsync(HttpMethod.Post, "/threads", Alice,
            Raw($$$"""{"metadata":{"marker":"{{{marker}}}","owner":"bob"},"metadata":{"marker":"{{{marker}}}"}}"""));
        using var nested = await SendAsync(HttpMethod.Post, "/threads", Alice,
            Raw($$$"""{"metadata":{"marker":"{{{marker}}}","owner":"alice","owner":"bob"}}"""));
        using var query = await SendAsync(HttpMethod.Get, "/store/items?namespace=alice&namespace=bob&key=k", Alice);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await DetailAsync(response)).Should().NotBeNullOrEmpty();
        nested.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        query.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a repeated query parameter is a duplicate key too");
        (await UpstreamThreadsAsync(marker)).Should().BeEmpty("nothing reached the upstream");
    }

    [Fact]
    public async Task Content_types_other_than_json_are_refused_and_a_broken_body_is_a_400_like_the_server()
    {
        var marker = LangGraphServerFixture.NewMarker();
        var body = $$$"""{"metadata":{"marker":"{{{marker}}}"}}""";

        using var text = await SendAsync(HttpMethod.Post, "/threads", Alice, new StringContent(body, Encoding.UTF8, "text/plain"));
        using var form = await SendAsync(HttpMethod.Post, "/threads", Alice, new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
        using var none = await SendAsync(HttpMethod.Post, "/threads", Alice, WithoutContentType(body));
        var gzip = Raw(body);
        gzip.Headers.ContentEncoding.Add("gzip");
        using var encoded = await SendAsync(HttpMethod.Post, "/threads", Alice, gzip);
        using var broken = await SendAsync(HttpMethod.Post, "/threads", Alice, Raw("{\"metadata\": {"));
        using var json = await SendAsync(HttpMethod.Post, "/threads", Alice, new StringContent(body, Encoding.UTF8, "application/json"));

        text.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        form.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        none.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        encoded.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        broken.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await DetailAsync(broken)).Should().Be("Malformed JSON in request body", "the server's own text");
        json.StatusCode.Should().Be(HttpStatusCode.OK, "application/json; charset=utf-8 is the normal case");
        (await UpstreamThreadsAsync(marker)).Should().ContainSingle("only the JSON request was forwarded")
            .Which.GetProperty("metadata").GetProperty("owner").GetString().Should().Be("alice");
    }

    // An encoded slash is refused with 400 (it would not be a separator upstream); the rest is the server's own 404.
    [Theory]
    [InlineData("POST", "/threads//search", 404)]
    [InlineData("POST", "/threads/search/", 404)]
    [InlineData("POST", "/Threads/search", 404)]
    [InlineData("POST", "/THREADS/SEARCH", 404)]
    [InlineData("POST", "/threads%2Fsearch", 400)]
    [InlineData("POST", "/info/..%2Fthreads/search", 400)]
    [InlineData("POST", "/threads/search%23fragment", 404)]
    [InlineData("PUT", "/threads", 404)]
    [InlineData("DELETE", "/store/namespaces", 404)]
    [InlineData("GET", "/no/such/route", 404)]
    public async Task Path_tricks_and_unknown_routes_are_refused_by_the_gateway_before_credentials_are_asked_or_the_upstream_called(string method, string path, int status)
    {
        using var anonymous = await SendAsync(new HttpMethod(method), path, null, method is "POST" or "PUT" ? Json(new { }) : null);
        using var asAlice = await SendAsync(new HttpMethod(method), path, Alice, method is "POST" or "PUT" ? Json(new { }) : null);

        ((int)anonymous.StatusCode).Should().Be(status);
        ((int)asAlice.StatusCode).Should().Be(status);
        (await DetailAsync(asAlice)).Should().NotBeNullOrEmpty("the gateway answers {\"detail\": …}, not the upstream's 404 page");
    }

    [Theory]
    [InlineData("/%74hreads/search")]
    [InlineData("/threads/./search")]
    [InlineData("/threads/x/../search")]
    [InlineData("/threads/%2e/search")]
    public async Task Encoded_and_dot_segment_paths_are_classified_after_decoding_so_the_filter_still_applies(string path)
    {
        var marker = LangGraphServerFixture.NewMarker();
        var alices = await CreateThreadAsync(Alice, marker);
        await CreateThreadAsync(Bob, marker);

        using var response = await SendAsync(HttpMethod.Post, path, Alice, Json(new { metadata = new { marker } }));
        using var anonymous = await SendAsync(HttpMethod.Post, path, null, Json(new { metadata = new { marker } }));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ReadJsonAsync(response)).EnumerateArray().Select(t => t.GetProperty("thread_id").GetString()).Should().Equal(alices);
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the decoded path is /threads/search, which needs credentials");
    }

    [Fact]
    public async Task Method_override_headers_are_stripped_before_the_upstream()
    {
        var thread = await CreateThreadAsync(Alice, LangGraphServerFixture.NewMarker());
        var request = Json(new { assistant_id = "echo", input = new { messages = new[] { "hi" } } });

        // The JS server copies x-* request headers into the run's configurable: what arrives there is what was forwarded.
        using var response = await SendAsync(HttpMethod.Post, $"/threads/{thread}/runs/wait", Alice, request, new()
        {
            ["X-HTTP-Method-Override"] = "DELETE",
            ["X-HTTP-Method"] = "DELETE",
            ["X-Method-Override"] = "DELETE",
            ["X-Custom-Header"] = "kept",
        });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await response.Content.ReadAsStringAsync();
        using var stored = await SendAsync(HttpMethod.Get, $"/threads/{thread}", null, upstream: true);

        var configurable = (await ReadJsonAsync(stored)).GetProperty("config").GetProperty("configurable");
        configurable.GetProperty("x-custom-header").GetString().Should().Be("kept", "other x-* headers still reach the upstream");
        configurable.TryGetProperty("x-http-method-override", out _).Should().BeFalse();
        configurable.TryGetProperty("x-http-method", out _).Should().BeFalse();
        configurable.TryGetProperty("x-method-override", out _).Should().BeFalse();
        using var stillThere = await SendAsync(HttpMethod.Get, $"/threads/{thread}", Alice);
        stillThere.StatusCode.Should().Be(HttpStatusCode.OK, "the thread was not deleted");
    }

    [Fact]
    public async Task Batch_items_each_get_the_callers_user_in_their_config_and_the_owner_stamp()
    {
        var impersonation = new { langgraph_auth_user_id = "bob", langgraph_auth_user = new { identity = "bob" } };
        using var response = await SendAsync(HttpMethod.Post, "/runs/batch", Alice, Json(new object[]
        {
            new { assistant_id = "echo", input = new { messages = new[] { "b1" } }, config = new { configurable = impersonation } },
            new { assistant_id = "echo", input = new { messages = new[] { "b2" } }, metadata = new { owner = "bob" } },
        }));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var runs = (await ReadJsonAsync(response)).EnumerateArray().ToList();
        runs.Should().HaveCount(2);
        foreach (var run in runs)
        {
            var configurable = run.GetProperty("kwargs").GetProperty("config").GetProperty("configurable");
            configurable.GetProperty("langgraph_auth_user_id").GetString().Should().Be("alice");
            configurable.GetProperty("langgraph_auth_user").GetProperty("identity").GetString().Should().Be("alice");
            configurable.GetProperty("langgraph_auth_permissions").EnumerateArray().Select(p => p.GetString()).Should().Equal("threads:write", "threads:read");
            run.GetProperty("metadata").GetProperty("owner").GetString().Should().Be("alice");
        }
    }

    [Fact]
    public async Task A_stream_is_relayed_as_it_happens_not_buffered_until_the_run_ends()
    {
        var thread = await CreateThreadAsync(Alice, LangGraphServerFixture.NewMarker());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway.Url, $"/threads/{thread}/runs/stream"))
        {
            Content = Json(new { assistant_id = "slow", input = new { messages = new[] { "go" } }, config = new { configurable = new { delay_ms = 600 } } }),
        };
        request.Headers.TryAddWithoutValidation("Authorization", Alice);
        var clock = Stopwatch.StartNew();

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var arrivals = new List<(string Event, TimeSpan At)>();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                arrivals.Add((line["event: ".Length..], clock.Elapsed));
            }
        }

        var end = clock.Elapsed;
        arrivals.Select(a => a.Event).Should().Equal("metadata", "values", "values", "values", "values", "values");
        (end - arrivals[0].At).Should().BeGreaterThan(TimeSpan.FromSeconds(1.5), "the metadata event came while four 600 ms steps were still to run");
        var gaps = arrivals.Zip(arrivals.Skip(1), (a, b) => b.At - a.At).Count(gap => gap > TimeSpan.FromMilliseconds(300));
        gaps.Should().BeGreaterThanOrEqualTo(3, "each step's values arrived when the step ended (four 600 ms steps; a loaded server may emit two together, a buffering gateway would emit all at once)");
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_with_or_without_a_content_length()
    {
        var marker = LangGraphServerFixture.NewMarker();
        var big = $$$"""{"metadata":{"marker":"{{{marker}}}","blob":"{{{new string('x', (int)GatewayFixture.MaxRequestBodySize)}}}"}}""";

        using var sized = await SendAsync(HttpMethod.Post, "/threads", Alice, Raw(big));
        using var chunked = await SendAsync(HttpMethod.Post, "/threads", Alice, Chunked(big));
        using var justUnder = await SendAsync(HttpMethod.Post, "/threads", Alice,
            Raw($$$"""{"metadata":{"marker":"{{{marker}}}","blob":"{{{new string('x', (int)GatewayFixture.MaxRequestBodySize - 200)}}}"}}"""));

        sized.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        chunked.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        justUnder.StatusCode.Should().Be(HttpStatusCode.OK);
        (await UpstreamThreadsAsync(marker)).Should().ContainSingle("only the body under the limit was forwarded");
    }

    [Fact]
    public async Task The_studio_header_does_not_bypass_auth()
    {
        var marker = LangGraphServerFixture.NewMarker();
        var alices = await CreateThreadAsync(Alice, marker);
        var studio = new Dictionary<string, string> { ["x-auth-scheme"] = "langsmith" };

        using var anonymous = await SendAsync(HttpMethod.Post, "/threads/search", null, Json(new { metadata = new { marker } }), studio);
        using var bad = await SendAsync(HttpMethod.Post, "/threads/search", "Bearer nope", Json(new { metadata = new { marker } }), studio);
        using var asAlice = await SendAsync(HttpMethod.Post, "/threads/search", Alice, Json(new { metadata = new { marker } }), studio);

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the JS dev server would run this as langgraph-studio-user");
        (await DetailAsync(anonymous)).Should().Be("Missing credentials");
        anonymous.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
        bad.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await DetailAsync(bad)).Should().Be("Invalid token");
        asAlice.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ReadJsonAsync(asAlice)).EnumerateArray().Select(t => t.GetProperty("thread_id").GetString()).Should().Equal(alices);
    }

    [Fact]
    public async Task Info_is_exempt_and_every_other_route_needs_credentials_with_the_servers_401()
    {
        using var info = await SendAsync(HttpMethod.Get, "/info", null);
        using var ok = await SendAsync(HttpMethod.Get, "/ok", null);
        using var okAsAlice = await SendAsync(HttpMethod.Get, "/ok", Alice);
        using var basic = await SendAsync(HttpMethod.Get, "/ok", "Basic YWxpY2U6eA==");

        info.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ReadJsonAsync(info)).GetProperty("version").GetString().Should().NotBeNullOrEmpty();
        ok.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        ok.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
        (await DetailAsync(ok)).Should().Be("Missing credentials");
        okAsAlice.StatusCode.Should().Be(HttpStatusCode.OK);
        basic.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await DetailAsync(basic)).Should().Be("Invalid token");
    }

    private static StringContent Json<T>(T value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private static ByteArrayContent Raw(string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static ByteArrayContent WithoutContentType(string json) => new(Encoding.UTF8.GetBytes(json));

    private static StreamContent Chunked(string json)
    {
        // A non-seekable stream has no length, so HttpClient sends it chunked.
        var content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, string? authorization, HttpContent? content = null, Dictionary<string, string>? headers = null, bool upstream = false)
    {
        // The path goes out exactly as written: no dot-segment removal, no unescaping by Uri.
        var baseUrl = (upstream ? gateway.UpstreamUrl : gateway.Url).GetLeftPart(UriPartial.Authority);
        var uri = new Uri(baseUrl + path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await _http.SendAsync(request);
    }

    private async Task<string> CreateThreadAsync(string authorization, string marker)
    {
        using var response = await SendAsync(HttpMethod.Post, "/threads", authorization, Json(new { metadata = new { marker } }));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await ReadJsonAsync(response)).GetProperty("thread_id").GetString()!;
    }

    private async Task<long> CountAsync(string authorization, object body)
    {
        using var response = await SendAsync(HttpMethod.Post, "/threads/count", authorization, Json(body));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await ReadJsonAsync(response)).GetInt64();
    }

    /// <summary>What the upstream holds with this marker, read directly (it has no auth).</summary>
    private async Task<List<JsonElement>> UpstreamThreadsAsync(string marker)
    {
        using var response = await SendAsync(HttpMethod.Post, "/threads/search", null, Json(new { metadata = new { marker } }), upstream: true);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return [.. (await ReadJsonAsync(response)).EnumerateArray()];
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
