using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;

namespace LangGraph.Sdk.IntegrationTests.Delegate;

/// <summary>The delegate endpoint's wire format (version 1), called directly the way the auth files call it.</summary>
[Collection(DelegateCollection.Name)]
public sealed class DelegateEndpointTests(DelegateFixture server)
{
    private const string Authenticate = """{"version":1,"method":"GET","path":"/threads/search","headers":{"authorization":"Bearer alice-token"},"query":{}}""";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-the-secret-but-long-enough")]
    public async Task A_call_without_the_secret_or_with_another_is_refused_with_401(string? secret)
    {
        using var http = new HttpClient();
        using var response = await PostAsync(http, "authenticate", Authenticate, secret);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("alice").And.NotContain(server.Secret);
    }

    [Fact]
    public async Task Authenticate_answers_the_user_as_langgraph_auth_user_JSON()
    {
        using var http = new HttpClient();
        using var response = await PostAsync(http, "authenticate", Authenticate, server.Secret);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be(
            """{"version":1,"user":{"identity":"alice","display_name":"Alice","is_authenticated":true,"permissions":["threads:write","threads:read"],"github_token":"gh-alice"}}""");
    }

    [Fact]
    public async Task A_denial_is_a_200_answer_with_status_detail_and_headers()
    {
        using var http = new HttpClient();
        using var response = await PostAsync(http, "authenticate", """{"version":1,"method":"GET","path":"/threads","headers":{},"query":{}}""", server.Secret);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be(
            """{"version":1,"denial":{"status":401,"detail":"Missing credentials","headers":{"WWW-Authenticate":"Bearer"}}}""");
    }

    [Fact]
    public async Task Authorize_answers_the_value_as_the_handler_left_it_what_changed_and_the_filter()
    {
        using var http = new HttpClient();
        using var response = await PostAsync(http, "authorize",
            """{"version":1,"user":{"identity":"bob","permissions":[]},"resource":"threads","action":"create","value":{"thread_id":"t1","metadata":{"a":1}}}""", server.Secret);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        answer.RootElement.GetProperty("value").GetProperty("metadata").GetRawText().Should().Be("""{"a":1,"owner":"bob"}""");
        answer.RootElement.GetProperty("value").GetProperty("thread_id").GetString().Should().Be("t1");
        answer.RootElement.GetProperty("changed").GetRawText().Should().Be("""["metadata"]""");
        answer.RootElement.GetProperty("filter").GetRawText().Should().Be("""{"owner":"bob"}""");
    }

    [Theory]
    [InlineData("""{"version":2,"method":"GET","path":"/threads"}""", "authenticate")]
    [InlineData("""{"method":"GET","path":"/threads"}""", "authenticate")]
    [InlineData("""{"version":1,"path":"/threads"}""", "authenticate")]
    [InlineData("""[1]""", "authenticate")]
    [InlineData("""{"version":1,"user":{"identity":"bob"},"resource":"threads","action":"fly","value":{}}""", "authorize")]
    [InlineData("""{"version":1,"user":{"name":"bob"},"resource":"threads","action":"read","value":{}}""", "authorize")]
    [InlineData("""{"version":1,"resource":"threads","action":"read","value":{}}""", "authorize")]
    public async Task A_malformed_call_or_another_wire_version_is_refused_with_400(string body, string call)
    {
        using var http = new HttpClient();
        using var response = await PostAsync(http, call, body, server.Secret);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private Task<HttpResponseMessage> PostAsync(HttpClient http, string call, string json, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Endpoint + "/" + call))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.TryAddWithoutValidation(DelegateHost.SecretHeader, secret);
        }

        return http.SendAsync(request);
    }
}
