using System.Collections.Generic;
using System.Text.Json;

namespace LangGraph.Sdk.Auth.AspNetCore.Gateway;

/// <summary>How the filter a handler returned is enforced for one request.</summary>
internal enum FilterStep
{
    /// <summary>A search: the filter goes into the upstream query's <c>metadata</c>, and the results are checked again.</summary>
    PushSearch,

    /// <summary>A count: the filter goes into the upstream query's <c>metadata</c>.</summary>
    PushCount,

    /// <summary>A read of one resource: the returned resource is checked.</summary>
    CheckResponse,

    /// <summary>A list (store search, namespaces, crons): every returned entry is checked, the others dropped.</summary>
    FilterResponseList,

    /// <summary>A mutation or action on one resource: its metadata is read upstream first.</summary>
    PreRead,

    /// <summary>A route whose stored resource the gateway cannot check: refused, fail closed.</summary>
    Refuse,
}

/// <summary>What a resource's "metadata" is, for <see cref="AuthFilter.Matches(System.Text.Json.Nodes.JsonObject?)"/>.</summary>
internal enum MetadataShape
{
    /// <summary>A thread, assistant or cron: its <c>metadata</c> field.</summary>
    Resource,

    /// <summary>A store item: its value plus <c>namespace</c> and <c>key</c>.</summary>
    StoreItem,

    /// <summary>A store namespace (a list of strings): <c>{"namespace": [...]}</c>.</summary>
    Namespace,
}

/// <summary>
/// The enforcement of the filters the request's events returned: the step, where to read, what a mismatch answers.
/// A stored resource must match every filter (a state update's and its read's); a search pushes the first event's.
/// </summary>
internal sealed record FilterPlan(
    FilterStep Step,
    IReadOnlyList<AuthFilter> Filters,
    MetadataShape Shape,
    GatewayError NotMatching,
    string? ReadPathAndQuery = null,
    string? ListProperty = null)
{
    /// <summary>Gets the filter a search pushes upstream: the search event's own.</summary>
    public AuthFilter Filter => Filters[0];

    /// <summary>Whether a returned resource matches every filter.</summary>
    public bool Matches(JsonElement resource)
    {
        foreach (var filter in Filters)
        {
            if (!FilterMatching.Matches(filter, Shape, resource))
            {
                return false;
            }
        }

        return true;
    }
}
