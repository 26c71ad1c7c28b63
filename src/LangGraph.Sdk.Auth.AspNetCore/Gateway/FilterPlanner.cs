using System;
using System.Collections.Generic;
using System.Text.Json;

namespace LangGraph.Sdk.Auth.AspNetCore.Gateway;

/// <summary>
/// Decides, route class by route class, how the filter an <c>[On]</c> handler returned is enforced, as the LangGraph
/// server applies it in its storage layer (its <c>isAuthMatching</c> rules, its own "not found" answers).
/// </summary>
internal static class FilterPlanner
{
    public static FilterPlan? Plan(AuthOutcome outcome, JsonElement? body)
    {
        var route = outcome.Route.Route;
        var filter = Filters(outcome);
        if (filter.Length == 0 || route is null)
        {
            return null;
        }

        var template = route.Template;
        var match = outcome.Route;
        switch (outcome.Resource)
        {
            case AuthResources.Threads:
                return Threads(filter, outcome.Filter, template, route.Method, match.ThreadId, body, outcome.Action);
            case AuthResources.Assistants:
                return Assistants(filter, outcome.Filter, template, route.Method, match.AssistantId, body);
            case AuthResources.Crons:
                return outcome.Action switch
                {
                    AuthActions.Create => null,
                    AuthActions.Search when template == "/runs/crons/search" => new(FilterStep.FilterResponseList, filter, MetadataShape.Resource, GatewayError.NotFound),
                    _ => new(FilterStep.Refuse, filter, MetadataShape.Resource, new GatewayError(404, "Cron not found")),
                };
            case AuthResources.Store:
                return Store(filter, outcome);
            default:
                return null;
        }
    }

    /// <summary>The filters of every event that ran, the first event's first (the engine's sequence, issue 16).</summary>
    private static AuthFilter[] Filters(AuthOutcome outcome)
    {
        var filters = new List<AuthFilter>();
        if (outcome.Filter is { Count: > 0 } first)
        {
            filters.Add(first);
        }

        foreach (var result in outcome.Events)
        {
            if (result.Filter is { Count: > 0 } filter && !ReferenceEquals(filter, outcome.Filter))
            {
                filters.Add(filter);
            }
        }

        return [.. filters];
    }

    private static FilterPlan? Threads(AuthFilter[] filter, AuthFilter? first, string template, string method, string? threadId, JsonElement? body, string? action)
    {
        switch (template)
        {
            case "/threads/search" or "/threads/count" when !ReferenceEquals(filter[0], first):
                return null;
            case "/threads/search":
                return new(FilterStep.PushSearch, filter, MetadataShape.Resource, GatewayError.NotFound);
            case "/threads/count":
                return new(FilterStep.PushCount, filter, MetadataShape.Resource, GatewayError.NotFound);
            case "/threads":
                // A create only meets a stored thread when the client names its id: another user's thread is a conflict.
                return StringField(body, "thread_id") is { } id
                    ? new(FilterStep.PreRead, filter, MetadataShape.Resource, new GatewayError(409, "Thread already exists"), ThreadPath(id))
                    : null;
        }

        if (threadId is not null)
        {
            // The server's own texts: PATCH of a thread says "Thread not found", every other route names the id.
            var notFound = template == "/threads/{thread_id}" && method == "PATCH"
                ? new GatewayError(404, "Thread not found")
                : new GatewayError(404, $"Thread with ID {threadId} not found");
            if (template == "/threads/{thread_id}" && method == "GET")
            {
                return new(FilterStep.CheckResponse, filter, MetadataShape.Resource, notFound);
            }

            // A copy's source was read by the engine (its ThreadMetadataLoader): a mismatch is already the server's 409.
            return template == "/threads/{thread_id}/copy"
                ? null
                : new(FilterStep.PreRead, filter, MetadataShape.Resource, notFound, ThreadPath(threadId));
        }

        // Stateless runs create their own thread: nothing stored to match. Anything else names no thread the gateway can
        // read (GET /runs/{run_id}/stream, prune, runs/cancel): refused.
        return action == AuthActions.CreateRun
            ? null
            : new(FilterStep.Refuse, filter, MetadataShape.Resource, new GatewayError(404, "Run not found"));
    }

    private static FilterPlan? Assistants(AuthFilter[] filter, AuthFilter? first, string template, string method, string? assistantId, JsonElement? body)
    {
        switch (template)
        {
            case "/assistants/search" or "/assistants/count" when !ReferenceEquals(filter[0], first):
                return null;
            case "/assistants/search":
                return new(FilterStep.PushSearch, filter, MetadataShape.Resource, GatewayError.NotFound);
            case "/assistants/count":
                return new(FilterStep.PushCount, filter, MetadataShape.Resource, GatewayError.NotFound);
            case "/assistants":
                return StringField(body, "assistant_id") is { } id
                    ? new(FilterStep.PreRead, filter, MetadataShape.Resource, new GatewayError(409, "Assistant already exists"), AssistantPath(id))
                    : null;
        }

        var notFound = new GatewayError(404, "Assistant not found");
        if (assistantId is null)
        {
            return new(FilterStep.Refuse, filter, MetadataShape.Resource, notFound);
        }

        return template == "/assistants/{assistant_id}" && method == "GET"
            ? new(FilterStep.CheckResponse, filter, MetadataShape.Resource, notFound)
            : new(FilterStep.PreRead, filter, MetadataShape.Resource, notFound, AssistantPath(assistantId));
    }

    private static FilterPlan? Store(AuthFilter[] filter, AuthOutcome outcome)
    {
        var notFound = new GatewayError(404, "Item not found");
        return outcome.Value switch
        {
            StoreGet => new(FilterStep.CheckResponse, filter, MetadataShape.StoreItem, notFound),
            StoreSearch => new(FilterStep.FilterResponseList, filter, MetadataShape.StoreItem, notFound, ListProperty: "items"),
            StoreListNamespaces => new(FilterStep.FilterResponseList, filter, MetadataShape.Namespace, notFound, ListProperty: "namespaces"),
            StorePut put => new(FilterStep.PreRead, filter, MetadataShape.StoreItem, notFound, StoreItemPath(put.Namespace, put.Key)),
            StoreDelete delete => new(FilterStep.PreRead, filter, MetadataShape.StoreItem, notFound, StoreItemPath(delete.Namespace, delete.Key)),
            _ => new(FilterStep.Refuse, filter, MetadataShape.StoreItem, notFound),
        };
    }

    internal static string StoreItemPath(System.Collections.Generic.IList<string> ns, string? key) =>
        $"/store/items?namespace={Uri.EscapeDataString(string.Join('.', ns))}&key={Uri.EscapeDataString(key ?? string.Empty)}";

    private static string ThreadPath(string id) => "/threads/" + Uri.EscapeDataString(id);

    private static string AssistantPath(string id) => "/assistants/" + Uri.EscapeDataString(id);

    private static string? StringField(JsonElement? body, string name) =>
        body is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
