using System;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Auth.AspNetCore.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LangGraph.Sdk.Auth.AspNetCore.Tests.Delegate;

/// <summary>The delegate's secret is validated when the host starts; the registration is checked when it is mapped.</summary>
public sealed class DelegateOptionsTests
{
    [Theory]
    [InlineData(null, "Secret is required")]
    [InlineData("   ", "Secret is required")]
    [InlineData("short-secret", "at least 16 characters")]
    public async Task A_missing_or_short_secret_fails_the_start(string? secret, string message)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddLangGraphAuth<TestHandlers>().AddDelegate(o => o.Secret = secret);
        await using var app = builder.Build();

        var start = async () =>
        {
            app.MapLangGraphAuthDelegate("/langgraph-auth");
            await app.StartAsync();
        };

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain(message);
    }

    [Fact]
    public async Task A_valid_secret_starts_and_maps_both_calls()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddLangGraphAuth<TestHandlers>().AddDelegate(o => o.Secret = "a-secret-of-sixteen+");
        await using var app = builder.Build();
        app.MapLangGraphAuthDelegate("/langgraph-auth");

        await app.StartAsync();

        ((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)app).DataSources
            .SelectMany(d => d.Endpoints).Select(e => e.DisplayName)
            .Should().Contain(["LangGraph auth delegate: authenticate", "LangGraph auth delegate: authorize"]);
        await app.StopAsync();
    }

    [Fact]
    public async Task Mapping_the_delegate_without_registering_it_fails_with_a_fix()
    {
        var builder = WebApplication.CreateSlimBuilder();
        await using var app = builder.Build();

        var map = () => app.MapLangGraphAuthDelegate("/langgraph-auth");

        map.Should().Throw<InvalidOperationException>().WithMessage("*AddLangGraphAuth*AddDelegate*");
    }
}
