using FluentAssertions;
using LangGraph.Sdk.Errors;
using LangGraph.Sdk.Http;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Errors;

public class ApiExceptionFactoryTests
{
    private static LangGraphApiException Create(int status, string? body, string? reason = null, string? requestId = null, CredentialRedactor? redactor = null) =>
        ApiExceptionFactory.Create(status, reason, "GET", "http://server/threads/t1", body, requestId, redactor ?? new CredentialRedactor());

    [Theory]
    [InlineData("""{"detail":"from detail","message":"m","error":"e"}""", "from detail")]
    [InlineData("""{"message":"from message","error":"e"}""", "from message")]
    [InlineData("""{"error":"from error"}""", "from error")]
    [InlineData("""{"error":{"message":"nested message","detail":"d"}}""", "nested message")]
    [InlineData("""{"error":{"detail":"nested detail"}}""", "nested detail")]
    [InlineData("""{"detail":"","message":"empty detail is skipped"}""", "empty detail is skipped")]
    [InlineData("""{"detail":null,"error":"null detail is skipped"}""", "null detail is skipped")]
    [InlineData("  \n{\"detail\":\"leading whitespace\"}  ", "leading whitespace")]
    public void Detail_comes_from_the_json_fields_in_python_order(string body, string expected)
    {
        ApiExceptionFactory.ExtractDetail(body).Should().Be(expected);
    }

    [Fact]
    public void A_json_body_without_a_known_field_is_the_detail_as_text()
    {
        ApiExceptionFactory.ExtractDetail(ServerJson.ZodError).Should().Be(ServerJson.ZodError.Trim());
        ApiExceptionFactory.ExtractDetail("""{"detail":[{"loc":["body"],"msg":"field required"}]}""")
            .Should().Be("""{"detail":[{"loc":["body"],"msg":"field required"}]}""");
    }

    [Theory]
    [InlineData("Thread with ID 0199 not found", "Thread with ID 0199 not found")]
    [InlineData("  Missing credentials\n", "Missing credentials")]
    [InlineData("{not json at all", "{not json at all")]
    [InlineData("[1,2]", "[1,2]")]
    public void A_text_body_is_the_detail(string body, string expected)
    {
        ApiExceptionFactory.ExtractDetail(body).Should().Be(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_body_has_no_detail(string? body)
    {
        ApiExceptionFactory.ExtractDetail(body).Should().BeNull();
    }

    [Fact]
    public void A_very_long_detail_is_shortened()
    {
        var detail = ApiExceptionFactory.ExtractDetail(new string('x', 5000));

        detail!.Length.Should().Be(ApiExceptionFactory.MaxDetailLength + 1);
        detail.Should().EndWith("…");
    }

    [Fact]
    public void Status_codes_map_to_the_exception_types()
    {
        Create(404, "x").Should().BeOfType<LangGraphNotFoundException>();
        Create(409, "x").Should().BeOfType<LangGraphConflictException>();
        Create(400, "x").Should().BeOfType<LangGraphApiException>();
        Create(401, "x").Should().BeOfType<LangGraphApiException>();
        Create(422, "x").Should().BeOfType<LangGraphApiException>();
        Create(500, "x").Should().BeOfType<LangGraphApiException>();
    }

    [Fact]
    public void The_message_names_status_reason_method_url_detail_and_request_id()
    {
        var ex = Create(422, "Thread is already running a task.", "Unprocessable Entity", "req-1");

        ex.Message.Should().Be("HTTP 422 (Unprocessable Entity) from GET http://server/threads/t1: Thread is already running a task. (request id req-1)");
        ex.StatusCode.Should().Be(422);
        ex.RequestId.Should().Be("req-1");
        ex.ResponseBody.Should().Be("Thread is already running a task.");
        ex.Detail.Should().Be("Thread is already running a task.");
    }

    [Fact]
    public void Without_a_body_the_reason_phrase_is_the_detail_of_the_message()
    {
        var ex = Create(503, null, "Service Unavailable");

        ex.Message.Should().Be("HTTP 503 (Service Unavailable) from GET http://server/threads/t1: Service Unavailable");
        ex.Detail.Should().BeNull();
        ex.ResponseBody.Should().BeNull();
        ex.RequestId.Should().BeNull();
    }

    [Fact]
    public void Without_a_reason_phrase_one_is_derived_from_the_status()
    {
        Create(404, "").Message.Should().Contain("HTTP 404 (Not Found)");
        Create(429, null).Message.Should().Contain("(Too Many Requests)");
        Create(599, null).Message.Should().Contain("HTTP 599 (Error)");
    }

    [Fact]
    public void Secrets_are_masked_in_body_detail_and_message()
    {
        var redactor = new CredentialRedactor().AddSecret("Bearer top-secret-token");

        var ex = Create(401, """{"detail":"Invalid token Bearer top-secret-token"}""", redactor: redactor);

        ex.Detail.Should().Be("Invalid token ***");
        ex.ResponseBody.Should().Be("""{"detail":"Invalid token ***"}""");
        ex.Message.Should().NotContain("top-secret-token");
    }
}
