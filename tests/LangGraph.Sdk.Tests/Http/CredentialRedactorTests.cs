using System.Collections.Generic;
using FluentAssertions;
using LangGraph.Sdk.Http;

namespace LangGraph.Sdk.Tests.Http;

public class CredentialRedactorTests
{
    [Theory]
    [InlineData("Authorization", true)]
    [InlineData("authorization", true)]
    [InlineData("Proxy-Authorization", true)]
    [InlineData("X-API-KEY", true)]
    [InlineData("Cookie", true)]
    [InlineData("Set-Cookie", true)]
    [InlineData("x-service-key", true)]
    [InlineData("X-Custom", false)]
    [InlineData("User-Agent", false)]
    public void Sensitive_headers_are_recognised_case_insensitively(string name, bool sensitive)
    {
        CredentialRedactor.IsSensitiveHeader(name).Should().Be(sensitive);
    }

    [Fact]
    public void A_secret_is_masked_everywhere_it_appears()
    {
        var redactor = new CredentialRedactor().AddSecret("s3cr3t-key");

        redactor.Redact("key s3cr3t-key and again s3cr3t-key.").Should().Be("key *** and again ***.");
    }

    [Fact]
    public void A_bearer_value_masks_the_whole_value_and_the_token_alone()
    {
        var redactor = new CredentialRedactor().AddSecret("Bearer tok-123456");

        redactor.Redact("header was 'Bearer tok-123456'").Should().Be("header was '***'");
        redactor.Redact("token tok-123456 echoed").Should().Be("token *** echoed");
    }

    [Fact]
    public void Only_sensitive_headers_become_secrets()
    {
        var redactor = new CredentialRedactor().AddHeaders(new Dictionary<string, string>
        {
            ["Authorization"] = "Bearer abcdef",
            ["X-Trace"] = "visible-value",
        });

        redactor.Redact("abcdef visible-value").Should().Be("*** visible-value");
    }

    [Fact]
    public void Very_short_or_blank_values_are_not_treated_as_secrets()
    {
        var redactor = new CredentialRedactor().AddSecret("abc").AddSecret("   ").AddSecret(null);

        redactor.Redact("abc def").Should().Be("abc def");
    }

    [Fact]
    public void With_adds_request_headers_without_changing_the_original()
    {
        var shared = new CredentialRedactor().AddSecret("client-secret");

        var perCall = shared.With(new Dictionary<string, string> { ["authorization"] = "Bearer per-call-token" });

        perCall.Redact("client-secret per-call-token").Should().Be("*** ***");
        shared.Redact("client-secret per-call-token").Should().Be("*** per-call-token");
        shared.With(null).Redact("client-secret").Should().Be("***");
    }

    [Fact]
    public void Longer_secrets_are_masked_before_their_substrings()
    {
        var redactor = new CredentialRedactor().AddSecret("abcd").AddSecret("abcdefgh");

        redactor.Redact("abcdefgh").Should().Be("***");
    }

    [Fact]
    public void Empty_text_is_returned_unchanged()
    {
        var redactor = new CredentialRedactor().AddSecret("secret");

        redactor.Redact(string.Empty).Should().BeEmpty();
    }
}
