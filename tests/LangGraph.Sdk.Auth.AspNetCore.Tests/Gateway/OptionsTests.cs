using System;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Auth.AspNetCore.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LangGraph.Sdk.Auth.AspNetCore.Tests.Gateway;

/// <summary>The gateway's options are validated when the host starts; the registration is checked when the gateway is mapped.</summary>
public sealed class OptionsTests
{
    [Theory]
    [InlineData(null, "Upstream is required")]
    [InlineData("ftp://127.0.0.1/", "absolute http or https")]
    [InlineData("http://user:pw@127.0.0.1/", "no query, fragment or user info")]
    public async Task An_invalid_upstream_fails_the_start(string? upstream, string message)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddLangGraphAuth<TestHandlers>().AddGateway(o => o.Upstream = upstream is null ? null : new Uri(upstream));
        await using var app = builder.Build();

        var start = async () =>
        {
            app.MapLangGraphAuthGateway();
            await app.StartAsync();
        };

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain(message);
    }

    [Fact]
    public async Task Mapping_the_gateway_without_registering_it_fails_with_a_fix()
    {
        var builder = WebApplication.CreateSlimBuilder();
        await using var app = builder.Build();

        var map = () => app.MapLangGraphAuthGateway();

        map.Should().Throw<InvalidOperationException>().WithMessage("*AddLangGraphAuth*AddGateway*");
    }

    [Fact]
    public void Registering_auth_twice_fails()
    {
        var services = new ServiceCollection();
        services.AddLangGraphAuth(new Auth());

        var again = () => services.AddLangGraphAuth<TestHandlers>();

        again.Should().Throw<InvalidOperationException>();
    }
}
