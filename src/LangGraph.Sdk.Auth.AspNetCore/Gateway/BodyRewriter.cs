using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LangGraph.Sdk.Auth.AspNetCore.Gateway;

/// <summary>
/// Writes back into the forwarded body what the handler changed in the event's value (stamped metadata, a rewritten
/// store namespace), and puts the user into every run's <c>config.configurable</c>, overwriting the client's entries.
/// </summary>
internal static class BodyRewriter
{
    /// <summary>Applies the outcome to the body (null when the request had none; a body is created when needed).</summary>
    /// <returns>The body to forward, or null to forward none.</returns>
    public static JsonNode? Apply(JsonNode? body, AuthOutcome outcome)
    {
        var template = outcome.Route.Route?.Template;
        switch (outcome.Value)
        {
            case ThreadsCreate v:
                Object(ref body)["metadata"] = Clone(v.Metadata);
                break;
            case ThreadsUpdate v when template == "/threads/{thread_id}":
                Object(ref body)["metadata"] = Clone(v.Metadata);
                break;
            case ThreadsSearch v when template is "/threads/search" or "/threads/count":
                Object(ref body)["metadata"] = Clone(v.Metadata);
                break;
            case AssistantsCreate v:
                WriteAssistant(Object(ref body), v.Metadata, v.Config, v.Context, v.GraphId, v.Name, v.Description);
                break;
            case AssistantsUpdate v:
                WriteAssistant(Object(ref body), v.Metadata, v.Config, v.Context, v.GraphId, v.Name, v.Description);
                break;
            case AssistantsSearch v:
                var search = Object(ref body);
                search["metadata"] = Clone(v.Metadata);
                SetIfNotNull(search, "graph_id", v.GraphId);
                break;
            case RunsCreate v:
                var run = template == "/threads/{thread_id}/commands" ? CommandParams(Object(ref body)) : Object(ref body);
                run["metadata"] = Clone(v.Metadata);
                InjectUser(run, outcome.User);
                break;
            case RunsCreate[] batch when body is JsonArray items:
                for (var i = 0; i < items.Count && i < batch.Length; i++)
                {
                    if (items[i] is JsonObject item)
                    {
                        item["metadata"] = Clone(batch[i].Metadata);
                        InjectUser(item, outcome.User);
                    }
                }

                break;
            case CronsCreate v:
                if (v.Payload is not null)
                {
                    body = Clone(v.Payload);
                }

                InjectUser(Object(ref body), outcome.User);
                break;
            case CronsUpdate v when v.Payload is not null:
                body = Clone(v.Payload);
                break;
            case StorePut v:
                var put = Object(ref body);
                put["namespace"] = Strings(v.Namespace);
                put["key"] = v.Key;
                put["value"] = Clone(v.Value);
                if (v.Index is not null)
                {
                    put["index"] = v.Index.DeepClone();
                }

                break;
            case StoreDelete v:
                var delete = Object(ref body);
                delete["namespace"] = Strings(v.Namespace);
                delete["key"] = v.Key;
                break;
            case StoreSearch v:
                var storeSearch = Object(ref body);
                storeSearch["namespace_prefix"] = Strings(v.Namespace);
                if (v.Filter is not null)
                {
                    storeSearch["filter"] = Clone(v.Filter);
                }

                break;
            case StoreListNamespaces v:
                var namespaces = Object(ref body);
                namespaces["prefix"] = Strings(v.Namespace);
                if (v.Suffix is not null)
                {
                    namespaces["suffix"] = Strings(v.Suffix);
                }

                break;
        }

        return body;
    }

    /// <summary>The query string of a store read, rebuilt from the value the handler left (namespace and key).</summary>
    public static string? StoreGetQuery(AuthOutcome outcome, IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> query)
    {
        if (outcome.Value is not StoreGet get)
        {
            return null;
        }

        var parts = new List<string>
        {
            "namespace=" + System.Uri.EscapeDataString(string.Join('.', get.Namespace)),
            "key=" + System.Uri.EscapeDataString(get.Key ?? string.Empty),
        };
        foreach (var (name, values) in query)
        {
            if (name is "namespace" or "key")
            {
                continue;
            }

            parts.AddRange(values.Select(v => System.Uri.EscapeDataString(name) + "=" + System.Uri.EscapeDataString(v ?? string.Empty)));
        }

        return "?" + string.Join('&', parts);
    }

    private static void InjectUser(JsonObject run, IAuthUser? user)
    {
        if (user is null)
        {
            return;
        }

        if (run["config"] is not JsonObject config)
        {
            config = new JsonObject();
            run["config"] = config;
        }

        if (config["configurable"] is not JsonObject configurable)
        {
            configurable = new JsonObject();
            config["configurable"] = configurable;
        }

        AuthConfigurable.Apply(configurable, user);
    }

    private static JsonObject CommandParams(JsonObject command)
    {
        if (command["params"] is not JsonObject parameters)
        {
            parameters = new JsonObject();
            command["params"] = parameters;
        }

        return parameters;
    }

    private static void WriteAssistant(JsonObject body, JsonObject metadata, JsonObject? config, JsonObject? context, string? graphId, string? name, string? description)
    {
        body["metadata"] = Clone(metadata);
        if (config is not null)
        {
            body["config"] = Clone(config);
        }

        if (context is not null)
        {
            body["context"] = Clone(context);
        }

        SetIfNotNull(body, "graph_id", graphId);
        SetIfNotNull(body, "name", name);
        SetIfNotNull(body, "description", description);
    }

    private static void SetIfNotNull(JsonObject body, string name, string? value)
    {
        if (value is not null)
        {
            body[name] = value;
        }
    }

    private static JsonObject Object(ref JsonNode? body)
    {
        if (body is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        body = created;
        return created;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static JsonObject? Clone(JsonObject? value) => value?.DeepClone().AsObject();

    /// <summary>Parses a strictly read body into a mutable tree (the bytes were validated once already).</summary>
    public static JsonNode? ToNode(JsonElement? body) => body is { } element ? JsonNode.Parse(element.GetRawText()) : null;

    /// <summary>Serialises a body to forward.</summary>
    public static byte[] Serialize(JsonNode body) => JsonSerializer.SerializeToUtf8Bytes(body, GatewayJsonContext.Default.JsonNode);
}
