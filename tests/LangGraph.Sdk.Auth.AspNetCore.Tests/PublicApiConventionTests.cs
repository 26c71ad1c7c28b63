using System;
using System.Linq;
using System.Reflection;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LangGraph.Sdk.Auth.AspNetCore.Tests;

/// <summary>The package's public surface is exactly the "Auth hosting" contract of ../shared/API.md.</summary>
public sealed class PublicApiConventionTests
{
    private static readonly Assembly Package = typeof(LangGraphAuthBuilder).Assembly;

    [Fact]
    public void The_public_types_are_the_contracts()
    {
        Package.GetExportedTypes().Select(t => t.FullName).Should().BeEquivalentTo(
            "LangGraph.Sdk.Auth.AspNetCore.LangGraphAuthBuilder",
            "LangGraph.Sdk.Auth.AspNetCore.LangGraphAuthGatewayOptions",
            "LangGraph.Sdk.Auth.AspNetCore.LangGraphAuthDelegateOptions",
            "Microsoft.AspNetCore.Builder.LangGraphAuthDelegateEndpointRouteBuilderExtensions",
            "Microsoft.Extensions.DependencyInjection.LangGraphAuthServiceCollectionExtensions",
            "Microsoft.AspNetCore.Builder.LangGraphAuthGatewayEndpointRouteBuilderExtensions");
    }

    [Fact]
    public void The_API_md_entry_points_have_their_shapes()
    {
        typeof(LangGraphAuthServiceCollectionExtensions).GetMethod(nameof(LangGraphAuthServiceCollectionExtensions.AddLangGraphAuth), [typeof(IServiceCollection), typeof(Auth)])!
            .ReturnType.Should().Be<LangGraphAuthBuilder>();
        typeof(LangGraphAuthServiceCollectionExtensions).GetMethods().Should().Contain(m => m.Name == "AddLangGraphAuth" && m.IsGenericMethodDefinition);
        typeof(LangGraphAuthBuilder).GetMethod(nameof(LangGraphAuthBuilder.AddGateway), [typeof(Action<LangGraphAuthGatewayOptions>)])!
            .ReturnType.Should().Be<LangGraphAuthBuilder>();
        typeof(LangGraphAuthGatewayEndpointRouteBuilderExtensions).GetMethod(nameof(LangGraphAuthGatewayEndpointRouteBuilderExtensions.MapLangGraphAuthGateway), [typeof(IEndpointRouteBuilder)])!
            .ReturnType.Should().Be<IEndpointConventionBuilder>();
        new LangGraphAuthGatewayOptions().AllowStudioUsers.Should().BeFalse();
        typeof(LangGraphAuthBuilder).GetMethod(nameof(LangGraphAuthBuilder.AddDelegate), [typeof(Action<LangGraphAuthDelegateOptions>)])!
            .ReturnType.Should().Be<LangGraphAuthBuilder>();
        typeof(LangGraphAuthDelegateEndpointRouteBuilderExtensions).GetMethod(nameof(LangGraphAuthDelegateEndpointRouteBuilderExtensions.MapLangGraphAuthDelegate), [typeof(IEndpointRouteBuilder), typeof(string)])!
            .ReturnType.Should().Be<IEndpointConventionBuilder>();
    }

    [Fact]
    public void The_builder_can_be_mocked_and_not_constructed_by_callers()
    {
        typeof(LangGraphAuthBuilder).IsSealed.Should().BeFalse();
        typeof(LangGraphAuthBuilder).GetConstructors(BindingFlags.Public | BindingFlags.Instance).Should().BeEmpty();
        typeof(LangGraphAuthBuilder).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName).Should().OnlyContain(m => m.IsVirtual);
    }
}
