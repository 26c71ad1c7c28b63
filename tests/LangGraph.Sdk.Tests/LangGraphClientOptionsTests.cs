using System.Linq;
using System;
using System.Threading;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests;

public class LangGraphClientOptionsTests
{
    [Fact]
    public void Defaults_match_the_python_and_js_sdks()
    {
        var options = new LangGraphClientOptions();

        options.ApiUrl.Should().Be(new Uri("http://localhost:8123"));
        LangGraphClientOptions.DefaultApiUrl.Should().Be(new Uri("http://localhost:8123"));
        options.ApiKey.Should().BeNull();
        options.ReadApiKeyFromEnvironment.Should().BeTrue();
        options.DefaultHeaders.Should().NotBeNull().And.BeEmpty();
        options.Timeout.Should().Be(TimeSpan.FromMinutes(5));
        options.JsonSerializerOptions.Should().BeNull();
        options.UserAgent.Should().BeNull();
        options.Retry.Enabled.Should().BeTrue();
        options.Retry.MaxRetryAttempts.Should().Be(4);
        options.Retry.BaseDelay.Should().Be(TimeSpan.FromMilliseconds(500));
        options.Retry.MaxDelay.Should().Be(TimeSpan.FromSeconds(10));
        options.Retry.UseJitter.Should().BeTrue();
        options.Retry.MaxRetryAfter.Should().Be(TimeSpan.FromSeconds(60));
        options.GetValidationErrors().Should().BeEmpty();
        options.Invoking(o => o.Validate()).Should().NotThrow();
    }

    [Fact]
    public void DefaultHeaders_work_with_a_collection_initializer()
    {
        var options = new LangGraphClientOptions { DefaultHeaders = { ["Authorization"] = "Bearer t", ["X-A"] = "1" } };

        options.DefaultHeaders.Should().HaveCount(2);
    }

    [Theory]
    [InlineData("ftp://server/", "absolute http or https")]
    [InlineData("file:///tmp/x", "absolute http or https")]
    [InlineData("http://server/?a=1", "query string")]
    [InlineData("http://server/#frag", "fragment")]
    [InlineData("http://user:password@server/", "user info")]
    public void Bad_api_urls_are_reported(string url, string expected)
    {
        var options = new LangGraphClientOptions { ApiUrl = new Uri(url) };

        options.GetValidationErrors().Should().ContainSingle().Which.Should().Contain("ApiUrl").And.Contain(expected);
    }

    [Fact]
    public void The_user_info_error_does_not_repeat_the_password()
    {
        var options = new LangGraphClientOptions { ApiUrl = new Uri("http://user:hunter2-password@server/") };

        var act = () => options.Validate();

        act.Should().Throw<ArgumentException>().Which.Message.Should().NotContain("hunter2-password");
    }

    [Fact]
    public void A_relative_or_null_api_url_is_reported()
    {
        new LangGraphClientOptions { ApiUrl = new Uri("/threads", UriKind.Relative) }.GetValidationErrors().Should().ContainSingle().Which.Should().Contain("ApiUrl");
        new LangGraphClientOptions { ApiUrl = null! }.GetValidationErrors().Should().ContainSingle().Which.Should().Contain("must not be null");
    }

    [Fact]
    public void Https_and_a_path_prefix_are_fine()
    {
        new LangGraphClientOptions { ApiUrl = new Uri("https://example.com/langgraph/") }.GetValidationErrors().Should().BeEmpty();
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(0)]
    public void Non_positive_timeouts_are_reported(int milliseconds)
    {
        new LangGraphClientOptions { Timeout = TimeSpan.FromMilliseconds(milliseconds) }.GetValidationErrors()
            .Should().ContainSingle().Which.Should().Contain("Timeout");
    }

    [Fact]
    public void Huge_timeouts_are_reported_but_infinite_is_fine()
    {
        new LangGraphClientOptions { Timeout = TimeSpan.FromDays(30) }.GetValidationErrors().Should().ContainSingle().Which.Should().Contain("Timeout");
        new LangGraphClientOptions { Timeout = Timeout.InfiniteTimeSpan }.GetValidationErrors().Should().BeEmpty();
    }

    [Fact]
    public void Line_breaks_in_the_key_headers_and_user_agent_are_reported()
    {
        var options = new LangGraphClientOptions { ApiKey = "key\r\nX-Evil: 1", UserAgent = "app\n" };
        options.DefaultHeaders["X-Ok"] = "a\nb";

        var errors = options.GetValidationErrors();

        errors.Should().HaveCount(3);
        errors.Should().Contain(e => e.Contains("ApiKey")).And.Contain(e => e.Contains("UserAgent")).And.Contain(e => e.Contains("X-Ok"));
    }

    [Fact]
    public void Invalid_header_names_are_reported()
    {
        var options = new LangGraphClientOptions();
        options.DefaultHeaders["Bad Header"] = "v";

        options.GetValidationErrors().Should().ContainSingle().Which.Should().Contain("'Bad Header'");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(21)]
    public void Retry_attempts_outside_0_to_20_are_reported(int attempts)
    {
        var options = new LangGraphClientOptions();
        options.Retry.MaxRetryAttempts = attempts;

        options.GetValidationErrors().Should().ContainSingle().Which.Should().Contain("Retry.MaxRetryAttempts").And.Contain(attempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(50, true)]
    [InlineData(51, false)]
    public void Stream_reconnects_must_be_between_0_and_50(int reconnects, bool valid)
    {
        var options = new LangGraphClientOptions();
        options.Retry.MaxStreamReconnects = reconnects;

        if (valid)
        {
            options.GetValidationErrors().Should().BeEmpty();
            options.Clone().Retry.MaxStreamReconnects.Should().Be(reconnects);
        }
        else
        {
            options.GetValidationErrors().Should().ContainSingle().Which.Should().Contain("Retry.MaxStreamReconnects");
        }
    }

    [Fact]
    public void Reconnect_delays_double_from_the_base_delay_up_to_the_cap()
    {
        var retry = new LangGraphRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(500), UseJitter = false };

        Enumerable.Range(1, 5).Select(retry.ReconnectDelay).Should().Equal(
            TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500));
        retry.UseJitter = true;
        retry.ReconnectDelay(3).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(200)).And.BeLessThanOrEqualTo(TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public void Retry_attempts_0_and_20_are_fine()
    {
        var options = new LangGraphClientOptions();
        options.Retry.MaxRetryAttempts = 0;
        options.GetValidationErrors().Should().BeEmpty();
        options.Retry.MaxRetryAttempts = 20;
        options.GetValidationErrors().Should().BeEmpty();
    }

    [Fact]
    public void Bad_retry_delays_are_reported()
    {
        var options = new LangGraphClientOptions();
        options.Retry.BaseDelay = TimeSpan.FromSeconds(-1);
        options.Retry.MaxDelay = TimeSpan.Zero;
        options.Retry.MaxRetryAfter = TimeSpan.FromDays(2);

        var errors = options.GetValidationErrors();

        errors.Should().HaveCount(3);
        errors.Should().Contain(e => e.Contains("Retry.BaseDelay")).And.Contain(e => e.Contains("Retry.MaxDelay")).And.Contain(e => e.Contains("Retry.MaxRetryAfter"));
    }

    [Fact]
    public void Validate_throws_one_ArgumentException_listing_every_problem()
    {
        var options = new LangGraphClientOptions { ApiUrl = new Uri("ftp://x/"), Timeout = TimeSpan.FromSeconds(-5) };
        options.Retry.MaxRetryAttempts = -3;

        var act = () => options.Validate();

        act.Should().Throw<ArgumentException>()
            .Which.Message.Should().StartWith("Invalid LangGraphClientOptions:").And.Contain("ApiUrl").And.Contain("Timeout").And.Contain("MaxRetryAttempts");
    }

    [Fact]
    public void The_client_constructor_refuses_invalid_options()
    {
        var options = new LangGraphClientOptions { Timeout = TimeSpan.Zero };

        var act = () => new LangGraphClient(options);

        act.Should().Throw<ArgumentException>().WithMessage("*Timeout*");
    }

    [Fact]
    public void The_client_constructor_refuses_null_options()
    {
        var act = () => new LangGraphClient((LangGraphClientOptions)null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void The_client_copies_the_options()
    {
        var options = TestClients.Options("http://first.test");
        options.DefaultHeaders["X-A"] = "1";
        using var client = new LangGraphClient(options);

        options.ApiUrl = new Uri("http://second.test");
        options.DefaultHeaders["X-A"] = "2";
        options.Timeout = TimeSpan.Zero;

        client.ApiUrl.Should().Be(new Uri("http://first.test"));
    }
}
