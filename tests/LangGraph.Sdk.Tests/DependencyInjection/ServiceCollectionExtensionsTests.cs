using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LangGraph.Sdk.Tests.DependencyInjection;

public class ServiceCollectionExtensionsTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static StubHttpHandler CountingHandler() =>
        new() { OnSend = request => request.Headers.TryAddWithoutValidation("X-From-Handler", "1") };

    [Fact]
    public async Task AddLangGraphClient_registers_a_working_client_that_sends_default_headers()
    {
        RespondToAll(body: ServerJson.Thread);
        var services = new ServiceCollection();

        IHttpClientBuilder builder = services.AddLangGraphClient(o =>
        {
            o.ApiUrl = new Uri(Url);
            o.ReadApiKeyFromEnvironment = false;
            o.DefaultHeaders["Authorization"] = "Bearer alice-token";
        });
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<LangGraphClient>();
        var thread = await client.Threads.GetAsync("t1");

        builder.Name.Should().Be(LangGraphServiceCollectionExtensions.HttpClientName);
        client.ApiUrl.Should().Be(new Uri(Url));
        thread.ThreadId.Should().Be(ServerJson.ThreadId);
        var request = SingleRequest();
        request.Path.Should().Be("/threads/t1");
        Header(request, "Authorization").Should().Be("Bearer alice-token");
        Header(request, "x-api-key").Should().BeNull();
    }

    [Fact]
    public async Task One_client_per_registration_is_built_once_over_the_factorys_handler()
    {
        RespondToAll(body: "4");
        var handler = CountingHandler();
        var services = new ServiceCollection();
        services.AddLangGraphClient(o =>
        {
            o.ApiUrl = new Uri(Url);
            o.ReadApiKeyFromEnvironment = false;
        }).AddHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();

        var first = provider.GetRequiredService<LangGraphClient>();
        using (var scope = provider.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<LangGraphClient>().Should().BeSameAs(first);
        }

        provider.GetRequiredService<LangGraphClient>().Should().BeSameAs(first);
        (await first.Threads.CountAsync()).Should().Be(4);
        handler.Calls.Should().Be(1, "the factory's handler chain carries the client's requests");
    }

    [Fact]
    public async Task The_returned_builder_adds_handlers_to_the_clients_pipeline()
    {
        RespondToAll(body: "4");
        var services = new ServiceCollection();
        var handler = CountingHandler();

        services.AddLangGraphClient(o =>
        {
            o.ApiUrl = new Uri(Url);
            o.ReadApiKeyFromEnvironment = false;
        }).AddHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();
        var count = await provider.GetRequiredService<LangGraphClient>().Threads.CountAsync();

        count.Should().Be(4);
        handler.Calls.Should().Be(1);
        Header(SingleRequest(), "X-From-Handler").Should().Be("1");
    }

    [Fact]
    public async Task The_configuration_overload_binds_every_documented_key()
    {
        RespondToAll(body: "1");
        var services = new ServiceCollection();
        var configuration = Configuration(new()
        {
            ["LangGraph:ApiUrl"] = Url,
            ["LangGraph:ApiKey"] = "key-from-config",
            ["LangGraph:ReadApiKeyFromEnvironment"] = "false",
            ["LangGraph:Timeout"] = "00:00:42",
            ["LangGraph:UserAgent"] = "config-app/2",
            ["LangGraph:DefaultHeaders:Authorization"] = "Bearer config-token",
            ["LangGraph:DefaultHeaders:X-Tenant"] = "acme",
            ["LangGraph:Retry:Enabled"] = "true",
            ["LangGraph:Retry:MaxRetryAttempts"] = "7",
            ["LangGraph:Retry:BaseDelay"] = "00:00:00.001",
            ["LangGraph:Retry:MaxDelay"] = "00:00:02",
            ["LangGraph:Retry:UseJitter"] = "false",
            ["LangGraph:Retry:MaxRetryAfter"] = "00:00:30",
            ["LangGraph:Retry:MaxStreamReconnects"] = "9",
        });

        services.AddLangGraphClient(configuration.GetSection("LangGraph"));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<LangGraphClientOptions>>().Value;
        await provider.GetRequiredService<LangGraphClient>().Threads.CountAsync();

        options.ApiUrl.Should().Be(new Uri(Url));
        options.ApiKey.Should().Be("key-from-config");
        options.ReadApiKeyFromEnvironment.Should().BeFalse();
        options.Timeout.Should().Be(TimeSpan.FromSeconds(42));
        options.UserAgent.Should().Be("config-app/2");
        options.DefaultHeaders.Should().Contain("Authorization", "Bearer config-token").And.Contain("X-Tenant", "acme");
        options.Retry.Enabled.Should().BeTrue();
        options.Retry.MaxRetryAttempts.Should().Be(7);
        options.Retry.BaseDelay.Should().Be(TimeSpan.FromMilliseconds(1));
        options.Retry.MaxDelay.Should().Be(TimeSpan.FromSeconds(2));
        options.Retry.UseJitter.Should().BeFalse();
        options.Retry.MaxRetryAfter.Should().Be(TimeSpan.FromSeconds(30));
        options.Retry.MaxStreamReconnects.Should().Be(9);
        var request = SingleRequest();
        Header(request, "x-api-key").Should().Be("key-from-config");
        Header(request, "Authorization").Should().Be("Bearer config-token");
        Header(request, "X-Tenant").Should().Be("acme");
        Header(request, "User-Agent").Should().EndWith(" config-app/2");
    }

    [Fact]
    public void Missing_configuration_keys_keep_the_defaults()
    {
        var services = new ServiceCollection();

        services.AddLangGraphClient(Configuration(new() { ["LangGraph:ApiKey"] = "k" }).GetSection("LangGraph"));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<LangGraphClientOptions>>().Value;

        options.ApiUrl.Should().Be(LangGraphClientOptions.DefaultApiUrl);
        options.Timeout.Should().Be(TimeSpan.FromMinutes(5));
        options.ReadApiKeyFromEnvironment.Should().BeTrue();
        options.Retry.MaxRetryAttempts.Should().Be(4);
        options.DefaultHeaders.Should().BeEmpty();
    }

    [Fact]
    public void An_Infinite_timeout_is_read_from_configuration()
    {
        var services = new ServiceCollection();

        services.AddLangGraphClient(Configuration(new() { ["Timeout"] = "Infinite" }));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<LangGraphClientOptions>>().Value.Timeout.Should().Be(Timeout.InfiniteTimeSpan);
    }

    [Fact]
    public void An_Infinite_timeout_in_any_case_leaves_the_other_keys_bound()
    {
        var services = new ServiceCollection();

        services.AddLangGraphClient(Configuration(new()
        {
            ["Timeout"] = "infinite",
            ["ApiKey"] = "k",
            ["MaxStreamEventSize"] = "2048",
            ["DefaultHeaders:X-Tenant"] = "acme",
            ["Retry:MaxRetryAttempts"] = "3",
            ["Retry:MaxDelay"] = "00:00:03",
        }));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<LangGraphClientOptions>>().Value;

        options.Timeout.Should().Be(Timeout.InfiniteTimeSpan);
        options.ApiKey.Should().Be("k");
        options.MaxStreamEventSize.Should().Be(2048);
        options.DefaultHeaders.Should().Contain("X-Tenant", "acme");
        options.Retry.MaxRetryAttempts.Should().Be(3);
        options.Retry.MaxDelay.Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Empty_configuration_values_count_as_absent()
    {
        var services = new ServiceCollection();

        services.AddLangGraphClient(Configuration(new()
        {
            ["ApiUrl"] = "",
            ["ApiKey"] = "",
            ["UserAgent"] = "",
            ["Timeout"] = "",
            ["Retry:MaxRetryAttempts"] = "",
        }));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<LangGraphClientOptions>>().Value;

        options.ApiUrl.Should().Be(LangGraphClientOptions.DefaultApiUrl);
        options.ApiKey.Should().BeNull("an empty key still lets the environment be read");
        options.UserAgent.Should().BeNull();
        options.Timeout.Should().Be(TimeSpan.FromMinutes(5));
        options.Retry.MaxRetryAttempts.Should().Be(4);
    }

    [Fact]
    public void An_unconvertible_value_names_the_key_the_value_and_the_reason()
    {
        var services = new ServiceCollection();
        services.AddLangGraphClient(Configuration(new() { ["LangGraph:Retry:MaxDelay"] = "later" }).GetSection("LangGraph"));
        using var provider = services.BuildServiceProvider();

        var read = () => provider.GetRequiredService<IOptions<LangGraphClientOptions>>().Value;

        read.Should().Throw<OptionsValidationException>()
            .WithMessage("*'later'*LangGraph:Retry:MaxDelay*TimeSpan*later*");
    }

    [Fact]
    public void The_configure_callback_runs_after_binding()
    {
        var services = new ServiceCollection();

        services.AddLangGraphClient(
            Configuration(new() { ["ApiKey"] = "from-config", ["Retry:MaxRetryAttempts"] = "2" }),
            o => o.ApiKey = "from-code");
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<LangGraphClientOptions>>().Value;

        options.ApiKey.Should().Be("from-code");
        options.Retry.MaxRetryAttempts.Should().Be(2);
    }

    [Fact]
    public void Invalid_options_fail_validation_at_start_naming_the_option()
    {
        var services = new ServiceCollection();
        services.AddLangGraphClient(o => o.Retry.MaxRetryAttempts = 99);
        using var provider = services.BuildServiceProvider();

        var validate = () => provider.GetRequiredService<IStartupValidator>().Validate();

        validate.Should().Throw<OptionsValidationException>().WithMessage("*Retry.MaxRetryAttempts*99*");
    }

    [Fact]
    public void Invalid_configuration_fails_when_the_options_are_read()
    {
        var services = new ServiceCollection();
        services.AddLangGraphClient(Configuration(new() { ["ApiUrl"] = "ftp://server", ["Timeout"] = "-00:00:01" }));
        using var provider = services.BuildServiceProvider();

        var read = () => provider.GetRequiredService<IOptions<LangGraphClientOptions>>().Value;

        var ex = read.Should().Throw<OptionsValidationException>().Which;
        ex.Failures.Should().HaveCount(2);
        ex.Message.Should().Contain("ApiUrl").And.Contain("Timeout");
    }

    [Theory]
    [InlineData("Retry:MaxRetryAttempts", "many")]
    [InlineData("Timeout", "soon")]
    [InlineData("ReadApiKeyFromEnvironment", "maybe")]
    [InlineData("ApiUrl", "not a url")]
    public void Unparsable_configuration_values_are_reported_with_their_key(string key, string value)
    {
        var services = new ServiceCollection();
        services.AddLangGraphClient(Configuration(new() { [key] = value }));
        using var provider = services.BuildServiceProvider();

        var read = () => provider.GetRequiredService<IOptions<LangGraphClientOptions>>().Value;

        read.Should().Throw<OptionsValidationException>().WithMessage($"*{key.Split(':')[^1]}*{value}*");
    }

    [Fact]
    public void An_x_api_key_default_header_in_configuration_is_refused()
    {
        var services = new ServiceCollection();
        services.AddLangGraphClient(Configuration(new() { ["DefaultHeaders:x-api-key"] = "k" }));
        using var provider = services.BuildServiceProvider();

        var read = () => provider.GetRequiredService<IOptions<LangGraphClientOptions>>().Value;

        read.Should().Throw<ArgumentException>().WithMessage("*x-api-key*");
    }

    [Fact]
    public async Task Disposing_a_resolved_client_leaves_the_factory_usable()
    {
        RespondToAll(body: "1");
        var services = new ServiceCollection();
        services.AddLangGraphClient(o =>
        {
            o.ApiUrl = new Uri(Url);
            o.ReadApiKeyFromEnvironment = false;
        });
        using var provider = services.BuildServiceProvider();

        var first = provider.GetRequiredService<LangGraphClient>();
        first.Dispose();
        var second = provider.GetRequiredService<LangGraphClient>();

        (await second.Threads.CountAsync()).Should().Be(1);
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        var services = new ServiceCollection();

        ((Action)(() => services.AddLangGraphClient((Action<LangGraphClientOptions>)null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => services.AddLangGraphClient((IConfiguration)null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => ((IServiceCollection)null!).AddLangGraphClient(_ => { }))).Should().Throw<ArgumentNullException>();
    }
}
