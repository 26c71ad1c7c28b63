using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Http;
using LangGraph.Sdk.Tests.TestSupport;
using Polly;

namespace LangGraph.Sdk.Tests.Http;

public class RetryPipelineTests
{
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Now = new(2025, 10, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeProvider Clock = new ManualTimeProvider(Now);

    private static bool ShouldRetry(HttpStatusCode status, bool idempotent, Action<HttpResponseMessage>? configure = null)
    {
        using var response = new HttpResponseMessage(status);
        configure?.Invoke(response);
        return RetryPipeline.ShouldRetry(Outcome.FromResult(response), idempotent, MaxRetryAfter, Clock);
    }

    private static bool ShouldRetry(Exception exception, bool idempotent) =>
        RetryPipeline.ShouldRetry(Outcome.FromException<HttpResponseMessage>(exception), idempotent, MaxRetryAfter, Clock);

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public void Retriable_statuses_are_retried_for_idempotent_requests(int status)
    {
        ShouldRetry((HttpStatusCode)status, idempotent: true).Should().BeTrue();
        RetryPipeline.IsRetriableStatus((HttpStatusCode)status).Should().BeTrue();
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public void Retriable_statuses_are_not_retried_for_non_idempotent_requests(int status)
    {
        ShouldRetry((HttpStatusCode)status, idempotent: false).Should().BeFalse();
    }

    [Theory]
    [InlineData(200)]
    [InlineData(204)]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(405)]
    [InlineData(407)]
    [InlineData(409)]
    [InlineData(422)]
    public void Success_and_other_4xx_are_never_retried(int status)
    {
        ShouldRetry((HttpStatusCode)status, idempotent: true).Should().BeFalse();
        RetryPipeline.IsRetriableStatus((HttpStatusCode)status).Should().BeFalse();
    }

    [Theory]
    [InlineData(HttpRequestError.ConnectionError)]
    [InlineData(HttpRequestError.NameResolutionError)]
    [InlineData(HttpRequestError.SecureConnectionError)]
    [InlineData(HttpRequestError.ProxyTunnelError)]
    public void Connect_failures_are_retried_for_every_method(HttpRequestError error)
    {
        var exception = new HttpRequestException(error, "could not connect");

        RetryPipeline.IsConnectFailure(exception).Should().BeTrue();
        ShouldRetry(exception, idempotent: false).Should().BeTrue();
        ShouldRetry(exception, idempotent: true).Should().BeTrue();
    }

    [Theory]
    [InlineData(HttpRequestError.Unknown)]
    [InlineData(HttpRequestError.ResponseEnded)]
    [InlineData(HttpRequestError.HttpProtocolError)]
    public void Other_transport_failures_are_retried_only_when_idempotent(HttpRequestError error)
    {
        var exception = new HttpRequestException(error, "lost");

        RetryPipeline.IsConnectFailure(exception).Should().BeFalse();
        ShouldRetry(exception, idempotent: true).Should().BeTrue();
        ShouldRetry(exception, idempotent: false).Should().BeFalse();
    }

    [Fact]
    public void IO_failures_are_retried_only_when_idempotent()
    {
        ShouldRetry(new IOException("reset"), idempotent: true).Should().BeTrue();
        ShouldRetry(new IOException("reset"), idempotent: false).Should().BeFalse();
    }

    [Fact]
    public void Other_exceptions_are_never_retried()
    {
        ShouldRetry(new TaskCanceledException(), idempotent: true).Should().BeFalse();
        ShouldRetry(new OperationCanceledException(), idempotent: true).Should().BeFalse();
        ShouldRetry(new ArgumentException("bad header"), idempotent: true).Should().BeFalse();
        ShouldRetry(new InvalidOperationException(), idempotent: true).Should().BeFalse();
    }

    [Fact]
    public void A_Retry_After_within_the_limit_is_retried()
    {
        ShouldRetry(HttpStatusCode.ServiceUnavailable, true, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(60)))
            .Should().BeTrue();
        ShouldRetry(HttpStatusCode.TooManyRequests, true, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.Zero))
            .Should().BeTrue();
    }

    [Fact]
    public void A_Retry_After_beyond_the_limit_is_not_retried()
    {
        ShouldRetry(HttpStatusCode.ServiceUnavailable, true, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(61)))
            .Should().BeFalse();
        ShouldRetry(HttpStatusCode.TooManyRequests, true, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddMinutes(5)))
            .Should().BeFalse();
    }

    [Fact]
    public void A_Retry_After_date_is_measured_from_the_time_provider()
    {
        ShouldRetry(HttpStatusCode.ServiceUnavailable, true, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(30)))
            .Should().BeTrue();
    }

    [Fact]
    public void GetRetryAfter_reads_deltas_and_dates()
    {
        using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        using var delta = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        delta.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        using var future = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        future.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(42));
        using var past = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        past.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(-42));

        RetryPipeline.GetRetryAfter(none, Clock).Should().BeNull();
        RetryPipeline.GetRetryAfter(delta, Clock).Should().Be(TimeSpan.FromSeconds(7));
        RetryPipeline.GetRetryAfter(future, Clock).Should().Be(TimeSpan.FromSeconds(42));
        RetryPipeline.GetRetryAfter(past, Clock).Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Idempotent_methods_are_GET_PUT_DELETE_HEAD_OPTIONS()
    {
        RetryPipeline.IsIdempotent(HttpMethod.Get).Should().BeTrue();
        RetryPipeline.IsIdempotent(HttpMethod.Put).Should().BeTrue();
        RetryPipeline.IsIdempotent(HttpMethod.Delete).Should().BeTrue();
        RetryPipeline.IsIdempotent(HttpMethod.Head).Should().BeTrue();
        RetryPipeline.IsIdempotent(HttpMethod.Options).Should().BeTrue();
        RetryPipeline.IsIdempotent(HttpMethod.Post).Should().BeFalse();
        RetryPipeline.IsIdempotent(HttpMethod.Patch).Should().BeFalse();
    }

    [Fact]
    public void Disabled_retries_give_the_empty_pipeline()
    {
        RetryPipeline.Create(new LangGraphRetryOptions { Enabled = false }, Clock).Should().BeSameAs(ResiliencePipeline<HttpResponseMessage>.Empty);
        RetryPipeline.Create(new LangGraphRetryOptions { MaxRetryAttempts = 0 }, Clock).Should().BeSameAs(ResiliencePipeline<HttpResponseMessage>.Empty);
        RetryPipeline.Create(new LangGraphRetryOptions(), Clock).Should().NotBeSameAs(ResiliencePipeline<HttpResponseMessage>.Empty);
    }
}
