using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;

namespace LangGraph.Sdk.Tests;

/// <summary>The conventions of ../shared/API.md, checked over the whole public surface so a new member cannot slip past them.</summary>
public sealed class PublicApiConventionTests
{
    private static readonly Assembly Sdk = typeof(LangGraphClient).Assembly;

    private static IEnumerable<MethodInfo> PublicAsyncMethods() =>
        Sdk.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && IsAsyncReturn(m.ReturnType) && !IsDisposeAsync(m));

    [Fact]
    public void Every_public_async_method_ends_in_Async_and_takes_a_defaulted_cancellation_token_last()
    {
        var methods = PublicAsyncMethods().ToList();
        methods.Should().NotBeEmpty();

        foreach (var method in methods)
        {
            var name = $"{method.DeclaringType!.Name}.{method.Name}";
            method.Name.Should().EndWith("Async", name);
            var last = method.GetParameters().LastOrDefault();
            last.Should().NotBeNull(name);
            last!.ParameterType.Should().Be(typeof(CancellationToken), name);
            last.HasDefaultValue.Should().BeTrue($"{name} defaults its CancellationToken");
        }
    }

    [Fact]
    public void Streaming_methods_mark_their_token_with_EnumeratorCancellation()
    {
        var streams = PublicAsyncMethods().Where(m => m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>));

        foreach (var method in streams)
        {
            method.GetParameters().Last().GetCustomAttributes()
                .Should().Contain(a => a.GetType().Name == "EnumeratorCancellationAttribute", method.Name);
        }
    }

    [Fact]
    public void Sub_clients_are_mockable_virtual_classes_without_public_constructors()
    {
        var subClients = new[] { typeof(ThreadsClient), typeof(RunsClient), typeof(AssistantsClient), typeof(CronsClient), typeof(StoreClient), typeof(LangGraphRawClient) };

        foreach (var type in subClients)
        {
            type.IsSealed.Should().BeFalse(type.Name);
            type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).Should().BeEmpty(type.Name);
            type.GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes)!.IsFamily.Should().BeTrue(type.Name);
            type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Should().OnlyContain(m => m.IsVirtual, $"{type.Name}'s public methods are virtual");
        }

        foreach (var property in new[] { nameof(LangGraphClient.Threads), nameof(LangGraphClient.Assistants), nameof(LangGraphClient.Crons), nameof(LangGraphClient.Store), nameof(LangGraphClient.Http) })
        {
            typeof(LangGraphClient).GetProperty(property)!.GetMethod!.IsVirtual.Should().BeTrue(property);
        }

        typeof(LangGraphClient).GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes)!.IsFamily.Should().BeTrue();
    }

    [Fact]
    public void Every_options_type_carries_per_call_headers()
    {
        var optionTypes = PublicAsyncMethods()
            .SelectMany(m => m.GetParameters())
            .Select(p => p.ParameterType)
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        optionTypes.Should().NotBeEmpty();
        optionTypes.Should().OnlyContain(t => typeof(LangGraphRequestOptions).IsAssignableFrom(t));
    }

    [Fact]
    public void A_concept_has_one_name_across_the_surface()
    {
        var properties = Sdk.GetExportedTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .ToList();

        properties.Where(p => p.Name.StartsWith("QueryParam", StringComparison.Ordinal)).Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .Should().Equal(["LangGraphRequestOptions.QueryParams"], "extra query parameters are QueryParams, as AuthRequest.QueryParams and the auth handler's queryParams");
        properties.Where(p => p.Name.Contains("Subgraphs", StringComparison.Ordinal) && p.Name != "StreamSubgraphs").Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .Should().BeEquivalentTo(
                ["ThreadGetStateOptions.Subgraphs", "ThreadStream.Subgraphs", "ThreadSubgraph.Subgraphs"],
                "streaming subgraphs is StreamSubgraphs everywhere; Subgraphs alone asks for their state, or is a thread stream's projection of them (JS thread.subgraphs)");
        properties.Where(p => p.Name == "StreamSubgraphs").Select(p => p.DeclaringType!.Name)
            .Should().BeEquivalentTo(["RunCreateOptions", "CronRunOptions", "RemoteGraphStreamOptions"]);
    }

    [Fact]
    public void Every_public_type_is_in_the_LangGraph_Sdk_namespace()
    {
        Sdk.GetExportedTypes().Should().OnlyContain(t => t.Namespace == "LangGraph.Sdk");
    }

    /// <summary><see cref="IAsyncDisposable.DisposeAsync"/> takes no token by its contract.</summary>
    private static bool IsDisposeAsync(MethodInfo method) =>
        method.Name == nameof(IAsyncDisposable.DisposeAsync) && method.GetParameters().Length == 0 && typeof(IAsyncDisposable).IsAssignableFrom(method.DeclaringType);

    private static bool IsAsyncReturn(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask)
        || (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>)
            || type.GetGenericTypeDefinition() == typeof(ValueTask<>)
            || type.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)));
}
