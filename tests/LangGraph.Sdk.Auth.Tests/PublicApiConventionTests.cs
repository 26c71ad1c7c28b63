using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;

namespace LangGraph.Sdk.Auth.Tests;

/// <summary>The conventions of ../shared/API.md over the package's whole public surface.</summary>
public sealed class PublicApiConventionTests
{
    private static readonly Assembly Package = typeof(Auth).Assembly;

    [Fact]
    public void Every_public_type_lives_in_the_LangGraph_Sdk_Auth_namespace()
    {
        Package.GetExportedTypes().Should().OnlyContain(t => t.Namespace == "LangGraph.Sdk.Auth");
    }

    [Fact]
    public void Every_public_async_method_ends_in_Async_and_takes_a_defaulted_cancellation_token_last()
    {
        var methods = Package.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && (typeof(Task).IsAssignableFrom(m.ReturnType) ||
                        (m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(ValueTask<>))))
            .ToList();

        methods.Select(m => m.Name).Should().BeEquivalentTo("HandleAsync", "AuthenticateAsync", "AuthorizeAsync");
        foreach (var method in methods)
        {
            var last = method.GetParameters().Last();
            last.ParameterType.Should().Be(typeof(CancellationToken), method.Name);
            last.HasDefaultValue.Should().BeTrue(method.Name);
        }
    }

    [Fact]
    public void The_API_md_names_and_shapes_are_there()
    {
        typeof(MinimalUserDict).GetConstructor([typeof(string)])!.GetParameters()[0].Name.Should().Be("identity");
        var ctor = typeof(AuthHttpException).GetConstructor([typeof(int), typeof(string), typeof(IReadOnlyDictionary<string, string>)])!;
        ctor.GetParameters().Select(p => (p.Name, p.DefaultValue)).Should().Equal(("statusCode", 401), ("detail", null), ("headers", null));
        typeof(AuthenticateAttribute).GetCustomAttribute<AttributeUsageAttribute>()!.AllowMultiple.Should().BeFalse();
        typeof(OnAttribute).GetCustomAttribute<AttributeUsageAttribute>()!.AllowMultiple.Should().BeTrue();
        typeof(IAuthUser).IsAssignableFrom(typeof(MinimalUserDict)).Should().BeTrue();
        typeof(IAuthUser).IsAssignableFrom(typeof(StudioUser)).Should().BeTrue();
    }

    [Fact]
    public void Every_event_value_type_of_the_resource_action_table_exists_and_metadata_carriers_share_IMetadataValue()
    {
        string[] values =
        [
            "ThreadsCreate", "ThreadsRead", "ThreadsUpdate", "ThreadsDelete", "ThreadsSearch", "RunsCreate",
            "AssistantsCreate", "AssistantsRead", "AssistantsUpdate", "AssistantsDelete", "AssistantsSearch",
            "CronsCreate", "CronsRead", "CronsUpdate", "CronsDelete", "CronsSearch",
            "StoreGet", "StorePut", "StoreDelete", "StoreSearch", "StoreListNamespaces",
        ];

        foreach (var name in values)
        {
            var type = Package.GetType($"LangGraph.Sdk.Auth.{name}");
            type.Should().NotBeNull(name);
            type!.IsSealed.Should().BeTrue(name);
            var metadata = type.GetProperty("Metadata");
            if (metadata is not null)
            {
                metadata.CanWrite.Should().BeTrue($"handlers stamp {name}.Metadata");
                typeof(IMetadataValue).IsAssignableFrom(type).Should().BeTrue(name);
            }
        }
    }
}
