using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using FluentAssertions;

namespace LangGraph.Sdk.Tests;

/// <summary>
/// Every public method of the Python SDK (langgraph-sdk 0.4.3; ../shared/reference/python-sdk.md §1, §2 and RemoteGraph in §6) has its
/// C# twin, checked by reflection: a missing twin fails here. Methods not ported are listed with the reason. The parameters,
/// fields and values Python added in 0.4.5–0.4.14 (issue 18) have their own table, checked down to the wire name.
/// Types are looked up by name, so a row can name a type that does not exist yet (it then fails).
/// </summary>
public sealed class PythonParityTests
{
    private const BindingFlags PublicMembers = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;

    private static readonly Assembly Sdk = typeof(LangGraphClient).Assembly;

    /// <summary>The Python inventory, as the reference lists it: client functions and attributes, then each sub-client's methods.</summary>
    private static readonly string[] PythonInventory =
    [
        // §1: the entry points, the client object and its public HttpClient (client.http).
        "get_client", "get_sync_client", "configure_loopback_transports", "client.aclose",
        "client.http", "client.assistants", "client.threads", "client.runs", "client.crons", "client.store",
        "http.get", "http.post", "http.put", "http.patch", "http.delete", "http.stream", "http.request_reconnect",

        // §2.1 threads
        "threads.get", "threads.create", "threads.update", "threads.delete", "threads.search", "threads.count", "threads.copy",
        "threads.prune", "threads.get_state", "threads.update_state", "threads.get_history", "threads.join_stream", "threads.stream",

        // §2.2 runs
        "runs.stream", "runs.create", "runs.create_batch", "runs.wait", "runs.list", "runs.get", "runs.cancel", "runs.cancel_many",
        "runs.join", "runs.join_stream", "runs.delete",

        // §2.3 assistants
        "assistants.get", "assistants.get_graph", "assistants.get_schemas", "assistants.get_subgraphs", "assistants.create",
        "assistants.update", "assistants.delete", "assistants.search", "assistants.count", "assistants.get_versions", "assistants.set_latest",

        // §2.4 crons
        "crons.create_for_thread", "crons.create", "crons.delete", "crons.update", "crons.search", "crons.count",

        // §2.5 store
        "store.put_item", "store.get_item", "store.delete_item", "store.search_items", "store.list_namespaces",

        // §6 RemoteGraph (langgraph.pregel.remote); the sync and async variants of each method count once.
        "RemoteGraph", "RemoteException", "remote.get_graph", "remote.get_state", "remote.get_state_history", "remote.update_state",
        "remote.bulk_update_state", "remote.stream", "remote.invoke", "remote.stream_events", "remote.with_config", "remote.copy",
    ];

    /// <summary>Python method or attribute → C# type (in namespace LangGraph.Sdk) and member.</summary>
    private static readonly (string Python, string Type, string Member)[] Twins =
    [
        ("get_client", "LangGraphClient", "Create"),
        ("client.aclose", "LangGraphClient", "Dispose"),
        ("client.http", "LangGraphClient", "Http"),
        ("client.assistants", "LangGraphClient", "Assistants"),
        ("client.threads", "LangGraphClient", "Threads"),
        ("client.runs", "LangGraphClient", "Runs"),
        ("client.crons", "LangGraphClient", "Crons"),
        ("client.store", "LangGraphClient", "Store"),

        ("http.get", "LangGraphRawClient", "GetAsync"),
        ("http.post", "LangGraphRawClient", "PostAsync"),
        ("http.put", "LangGraphRawClient", "PutAsync"),
        ("http.patch", "LangGraphRawClient", "PatchAsync"),
        ("http.delete", "LangGraphRawClient", "DeleteAsync"),
        ("http.stream", "LangGraphRawClient", "StreamAsync"),

        ("threads.get", "ThreadsClient", "GetAsync"),
        ("threads.create", "ThreadsClient", "CreateAsync"),
        ("threads.update", "ThreadsClient", "UpdateAsync"),
        ("threads.delete", "ThreadsClient", "DeleteAsync"),
        ("threads.search", "ThreadsClient", "SearchAsync"),
        ("threads.count", "ThreadsClient", "CountAsync"),
        ("threads.copy", "ThreadsClient", "CopyAsync"),
        ("threads.prune", "ThreadsClient", "PruneAsync"),
        ("threads.get_state", "ThreadsClient", "GetStateAsync"),
        ("threads.update_state", "ThreadsClient", "UpdateStateAsync"),
        ("threads.get_history", "ThreadsClient", "GetHistoryAsync"),
        ("threads.join_stream", "ThreadsClient", "JoinStreamAsync"),
        ("threads.stream", "ThreadsClient", "Stream"),

        ("runs.stream", "RunsClient", "StreamAsync"),
        ("runs.create", "RunsClient", "CreateAsync"),
        ("runs.create_batch", "RunsClient", "CreateBatchAsync"),
        ("runs.wait", "RunsClient", "WaitAsync"),
        ("runs.list", "RunsClient", "ListAsync"),
        ("runs.get", "RunsClient", "GetAsync"),
        ("runs.cancel", "RunsClient", "CancelAsync"),
        ("runs.cancel_many", "RunsClient", "CancelManyAsync"),
        ("runs.join", "RunsClient", "JoinAsync"),
        ("runs.join_stream", "RunsClient", "JoinStreamAsync"),
        ("runs.delete", "RunsClient", "DeleteAsync"),

        ("assistants.get", "AssistantsClient", "GetAsync"),
        ("assistants.get_graph", "AssistantsClient", "GetGraphAsync"),
        ("assistants.get_schemas", "AssistantsClient", "GetSchemasAsync"),
        ("assistants.get_subgraphs", "AssistantsClient", "GetSubgraphsAsync"),
        ("assistants.create", "AssistantsClient", "CreateAsync"),
        ("assistants.update", "AssistantsClient", "UpdateAsync"),
        ("assistants.delete", "AssistantsClient", "DeleteAsync"),
        ("assistants.search", "AssistantsClient", "SearchAsync"),
        ("assistants.count", "AssistantsClient", "CountAsync"),
        ("assistants.get_versions", "AssistantsClient", "GetVersionsAsync"),
        ("assistants.set_latest", "AssistantsClient", "SetLatestAsync"),

        ("crons.create_for_thread", "CronsClient", "CreateForThreadAsync"),
        ("crons.create", "CronsClient", "CreateAsync"),
        ("crons.delete", "CronsClient", "DeleteAsync"),
        ("crons.update", "CronsClient", "UpdateAsync"),
        ("crons.search", "CronsClient", "SearchAsync"),
        ("crons.count", "CronsClient", "CountAsync"),

        ("store.put_item", "StoreClient", "PutItemAsync"),
        ("store.get_item", "StoreClient", "GetItemAsync"),
        ("store.delete_item", "StoreClient", "DeleteItemAsync"),
        ("store.search_items", "StoreClient", "SearchItemsAsync"),
        ("store.list_namespaces", "StoreClient", "ListNamespacesAsync"),

        ("RemoteGraph", "RemoteGraph", "AssistantId"),
        ("RemoteException", "RemoteGraphException", "GraphName"),
        ("remote.get_graph", "RemoteGraph", "GetGraphAsync"),
        ("remote.get_state", "RemoteGraph", "GetStateAsync"),
        ("remote.get_state_history", "RemoteGraph", "GetStateHistoryAsync"),
        ("remote.update_state", "RemoteGraph", "UpdateStateAsync"),
        ("remote.stream", "RemoteGraph", "StreamAsync"),
        ("remote.stream_events", "RemoteGraph", "StreamEventsAsync"),
        ("remote.invoke", "RemoteGraph", "InvokeAsync"),
        ("remote.with_config", "RemoteGraph", "WithConfig"),
    ];

    /// <summary>Python members deliberately not ported, with the reason.</summary>
    private static readonly (string Python, string Reason)[] Exclusions =
    [
        ("get_sync_client", "The .NET client is async only (no sync twins, ../shared/API.md conventions); Python's Sync* clients are line-for-line copies of the async ones."),
        ("configure_loopback_transports", "Wires Python's in-process (ASGI) mode inside a Python LangGraph server; a .NET client always talks HTTP."),
        ("http.request_reconnect", "Following the Location header when a long response drops is internal to the run calls that need it (runs.wait, runs.join, runs.cancel with wait); it is not a raw verb."),
        ("remote.bulk_update_state", "Python's RemoteGraph raises NotImplementedError for it; there is no server route to mirror."),
        ("remote.copy", "Python's copy(update) replaces constructor fields; a RemoteGraph is immutable here, so a new one is constructed (or WithConfig derives one)."),
    ];

    /// <summary>Public C# methods of the sub-clients that have no Python method of their own, with the reason.</summary>
    private static readonly (string Type, string Member, string Reason)[] CSharpOnly =
    [
        ("AssistantsClient", "SearchPageAsync", "Python's assistants.search(response_format=\"object\"): the page plus the X-Pagination-Next cursor, as its own method because the result type differs."),
        ("RemoteGraph", "InvokeOutputAsync", "Python's invoke(version=\"v2\") returning GraphOutput: its own method because the result type differs."),
        ("RemoteGraph", "Dispose", "Releases the client a RemoteGraph built from a URL; Python leaves its httpx client to the garbage collector."),
        ("LangGraphRawClient", "GetStringAsync", "A custom route's text or HTML answer; Python's http.get always parses JSON."),
        ("LangGraphRawClient", "GetBytesAsync", "A custom route's binary answer; Python's http.get always parses JSON."),
        ("LangGraphRawClient", "SendAsync", "The whole HttpResponseMessage (status, headers, any content type) with the same headers, retries and errors; Python has no such verb."),
    ];

    private static readonly string[] SubClientTypes = ["LangGraphRawClient", "ThreadsClient", "RunsClient", "AssistantsClient", "CronsClient", "StoreClient", "RemoteGraph"];

    /// <summary>Parameters, fields and values Python added after 0.4.3 (0.4.5–0.4.14, issue 18): the C# type and member, and the wire name.</summary>
    private static readonly (string Python, string Since, string Type, string Member, string Wire)[] AddedSince043 =
    [
        ("runs.stream/create/wait(strict_resume=)", "0.4.14", "RunCreateOptions", "StrictResume", "strict_resume"),
        ("Run.cancel_reason", "0.4.13", "Run", "CancelReason", "cancel_reason"),
        ("Interrupt.response_schema", "0.4.5", "Interrupt", "ResponseSchema", "response_schema"),
        ("Interrupt.namespace", "0.4.5", "Interrupt", "Namespace", "namespace"),
        ("threads.get_state(select=)", "0.4.13", "ThreadGetStateOptions", "Select", "select"),
        ("threads.get_history(select=)", "0.4.13", "ThreadGetHistoryOptions", "Select", "select"),
        ("StreamMode \"tools\"", "0.4.14", "StreamMode", "Tools", "tools"),
        ("StreamMode \"lifecycle\"", "0.4.14", "StreamMode", "Lifecycle", "lifecycle"),
    ];

    /// <summary>The internal request record that carries an options member to the wire.</summary>
    private static readonly Dictionary<string, string> RequestRecordOf = new()
    {
        ["RunCreateOptions"] = "RunRequest",
        ["ThreadGetStateOptions"] = "ThreadStateRequest",
        ["ThreadGetHistoryOptions"] = "ThreadStateRequest",
    };

    public static IEnumerable<object[]> AddedRows() => AddedSince043.Select(a => new object[] { a.Python, a.Since, a.Type, a.Member, a.Wire });

    [Theory]
    [MemberData(nameof(AddedRows))]
    public void Every_python_addition_since_0_4_3_has_its_csharp_twin_with_the_wire_name(string python, string since, string typeName, string member, string wire)
    {
        var type = SdkType(typeName);
        type.Should().NotBeNull($"Python {since}'s {python} maps to LangGraph.Sdk.{typeName}.{member}");
        var property = type!.GetProperty(member, PublicMembers);
        property.Should().NotBeNull($"Python {since}'s {python} maps to {typeName}.{member}");

        if (type == typeof(StreamMode))
        {
            ((StreamMode)property!.GetValue(null)!).Value.Should().Be(wire);
            return;
        }

        // A response field carries its wire name; an option goes to the wire through its internal request record.
        var carrier = RequestRecordOf.TryGetValue(typeName, out var record) ? SdkType(record)!.GetProperty(member, PublicMembers) : property;
        carrier.Should().NotBeNull($"{typeName}.{member} reaches the wire");
        carrier!.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()!.Name.Should().Be(wire);
    }

    public static IEnumerable<object[]> TwinRows() => Twins.Select(t => new object[] { t.Python, t.Type, t.Member });

    private static Type? SdkType(string name) => Sdk.GetType("LangGraph.Sdk." + name);

    [Theory]
    [MemberData(nameof(TwinRows))]
    public void Every_python_method_has_its_csharp_twin(string python, string typeName, string member)
    {
        var type = SdkType(typeName);
        type.Should().NotBeNull($"Python's {python} maps to LangGraph.Sdk.{typeName}.{member}, so the type must exist");

        var members = type!.GetMember(member, PublicMembers);
        members.Should().NotBeEmpty($"Python's {python} maps to {typeName}.{member}");
        members.Should().OnlyContain(m => m is MethodInfo || m is PropertyInfo, $"{typeName}.{member} is a method or a property");
    }

    [Theory]
    [InlineData("Http", "LangGraphRawClient")]
    [InlineData("Assistants", "AssistantsClient")]
    [InlineData("Threads", "ThreadsClient")]
    [InlineData("Runs", "RunsClient")]
    [InlineData("Crons", "CronsClient")]
    [InlineData("Store", "StoreClient")]
    public void Client_attributes_are_virtual_properties_of_the_sub_client_types(string property, string typeName)
    {
        var info = typeof(LangGraphClient).GetProperty(property);
        info.Should().NotBeNull($"LangGraphClient.{property} mirrors Python's client.{property.ToLowerInvariant()}");
        info!.PropertyType.Name.Should().Be(typeName);
        info.GetMethod!.IsVirtual.Should().BeTrue($"LangGraphClient.{property} can be mocked");
    }

    [Fact]
    public void The_table_and_the_exclusions_cover_the_python_inventory_exactly_once()
    {
        var mapped = Twins.Select(t => t.Python).ToList();
        var excluded = Exclusions.Select(e => e.Python).ToList();

        PythonInventory.Should().OnlyHaveUniqueItems();
        mapped.Should().OnlyHaveUniqueItems();
        excluded.Should().OnlyHaveUniqueItems();
        mapped.Intersect(excluded).Should().BeEmpty("a Python method is either mapped or excluded");
        mapped.Concat(excluded).Should().BeEquivalentTo(PythonInventory, "every Python method is mapped or excluded with a reason, and nothing else is listed");
        Exclusions.Should().OnlyContain(e => e.Reason.Length > 20, "each exclusion says why");
    }

    [Fact]
    public void Every_public_sub_client_method_is_a_python_twin_or_a_listed_extra()
    {
        foreach (var typeName in SubClientTypes)
        {
            var type = SdkType(typeName);
            if (type is null)
            {
                // A sub-client not written yet: its twin rows fail in Every_python_method_has_its_csharp_twin.
                continue;
            }

            var declared = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName)
                .Select(m => m.Name)
                .Distinct();
            var known = Twins.Where(t => t.Type == typeName).Select(t => t.Member)
                .Concat(CSharpOnly.Where(c => c.Type == typeName).Select(c => c.Member))
                .ToHashSet();

            declared.Should().OnlyContain(name => known.Contains(name), $"every public method of {typeName} mirrors a Python method or is a listed C#-only extra");
        }
    }

    [Fact]
    public void Listed_csharp_only_extras_exist()
    {
        foreach (var (typeName, member, _) in CSharpOnly)
        {
            SdkType(typeName)!.GetMethod(member, PublicMembers).Should().NotBeNull($"{typeName}.{member} is listed as a C#-only extra");
        }
    }
}
