using System;
using System.Collections.Generic;
using FluentAssertions;

namespace LangGraph.Sdk.Auth.Tests.Exceptions;

public sealed class AuthHttpExceptionTests
{
    [Fact]
    public void Defaults_to_401_with_the_reason_phrase_as_detail_and_a_Python_style_message()
    {
        var e = new AuthHttpException();

        e.StatusCode.Should().Be(401);
        e.Detail.Should().Be("Unauthorized");
        e.Message.Should().Be("401: Unauthorized");
        e.Headers.Should().BeEmpty();
        e.InnerException.Should().BeNull();
    }

    [Fact]
    public void A_detail_alone_keeps_401()
    {
        var e = new AuthHttpException("Invalid API key");

        e.StatusCode.Should().Be(401);
        e.Detail.Should().Be("Invalid API key");
        e.Message.Should().Be("401: Invalid API key");
    }

    [Theory]
    [InlineData(400, "Bad Request")]
    [InlineData(401, "Unauthorized")]
    [InlineData(403, "Forbidden")]
    [InlineData(404, "Not Found")]
    [InlineData(409, "Conflict")]
    [InlineData(422, "Unprocessable Content")]
    [InlineData(429, "Too Many Requests")]
    [InlineData(500, "Internal Server Error")]
    [InlineData(503, "Service Unavailable")]
    public void Detail_defaults_to_the_status_codes_reason_phrase(int status, string phrase)
    {
        var e = new AuthHttpException(status);

        e.Detail.Should().Be(phrase);
        e.Message.Should().Be($"{status}: {phrase}");
    }

    [Fact]
    public void A_status_without_a_standard_phrase_gets_an_empty_detail()
    {
        new AuthHttpException(499).Detail.Should().BeEmpty();
        new AuthHttpException(499).Message.Should().Be("499: ");
    }

    [Fact]
    public void Headers_are_copied_and_looked_up_case_insensitively()
    {
        var headers = new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer" };

        var e = new AuthHttpException(401, "Could not validate credentials", headers);
        headers["X-Other"] = "later";

        e.Headers.Should().HaveCount(1);
        e.Headers["www-authenticate"].Should().Be("Bearer");
        e.Message.Should().Be("401: Could not validate credentials");
    }

    [Fact]
    public void Keeps_a_cause_for_logs()
    {
        var cause = new InvalidOperationException("token store down");

        new AuthHttpException("nope", cause).InnerException.Should().BeSameAs(cause);
        new AuthHttpException(503, null, null, cause).InnerException.Should().BeSameAs(cause);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(600)]
    public void Rejects_a_status_outside_100_to_599(int status)
    {
        FluentActions.Invoking(() => new AuthHttpException(status)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
