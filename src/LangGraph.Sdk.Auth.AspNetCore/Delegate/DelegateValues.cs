using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LangGraph.Sdk.Auth.AspNetCore.Delegate;

/// <summary>
/// Turns an event's value as the LangGraph server sends it (snake_case JSON, the fields of Python's TypedDicts) into
/// the engine's value type, and back. Reading is lenient like the engine's own: a missing or mistyped field is absent.
/// Only the fields a value type models go back; the auth file applies the ones the handler changed.
/// </summary>
internal static class DelegateValues
{
    /// <summary>Builds the value of <paramref name="resource"/>:<paramref name="action"/> from its JSON.</summary>
    /// <exception cref="ArgumentException">Not an auth event.</exception>
    public static object Read(string resource, string action, JsonObject v) => (resource, action) switch
    {
        ("threads", "create") => new ThreadsCreate { ThreadId = Str(v, "thread_id"), Metadata = Obj(v, "metadata"), IfExists = Str(v, "if_exists"), Ttl = Ttl(v) },
        ("threads", "read") => new ThreadsRead { ThreadId = Str(v, "thread_id"), RunId = Str(v, "run_id") },
        ("threads", "update") => new ThreadsUpdate { ThreadId = Str(v, "thread_id"), Metadata = Obj(v, "metadata"), Action = Str(v, "action") },
        ("threads", "delete") => new ThreadsDelete { ThreadId = Str(v, "thread_id"), RunId = Str(v, "run_id") },
        ("threads", "search") => new ThreadsSearch
        {
            Metadata = Obj(v, "metadata"), Values = Obj(v, "values"), Status = Str(v, "status"), Limit = Int(v, "limit") ?? 10,
            Offset = Int(v, "offset") ?? 0, Ids = StringsOrNull(v, "ids"), ThreadId = Str(v, "thread_id"),
        },
        ("threads", "create_run") => new RunsCreate
        {
            AssistantId = Str(v, "assistant_id"), ThreadId = Str(v, "thread_id"), RunId = Str(v, "run_id"), Status = Str(v, "status"),
            Metadata = Obj(v, "metadata"), PreventInsertIfInflight = Bool(v, "prevent_insert_if_inflight"),
            MultitaskStrategy = Str(v, "multitask_strategy"), IfNotExists = Str(v, "if_not_exists"), AfterSeconds = Number(v, "after_seconds"),
            Kwargs = Obj(v, "kwargs", orNull: true), Action = Str(v, "action"),
        },
        ("assistants", "create") => new AssistantsCreate
        {
            AssistantId = Str(v, "assistant_id"), GraphId = Str(v, "graph_id"), Config = Obj(v, "config", orNull: true),
            Context = Obj(v, "context", orNull: true), Metadata = Obj(v, "metadata"), IfExists = Str(v, "if_exists"),
            Name = Str(v, "name"), Description = Str(v, "description"),
        },
        ("assistants", "read") => new AssistantsRead { AssistantId = Str(v, "assistant_id"), Metadata = Obj(v, "metadata") },
        ("assistants", "update") => new AssistantsUpdate
        {
            AssistantId = Str(v, "assistant_id"), GraphId = Str(v, "graph_id"), Config = Obj(v, "config", orNull: true),
            Context = Obj(v, "context", orNull: true), Metadata = Obj(v, "metadata"), Name = Str(v, "name"),
            Description = Str(v, "description"), Version = Int(v, "version"),
        },
        ("assistants", "delete") => new AssistantsDelete { AssistantId = Str(v, "assistant_id") },
        ("assistants", "search") => new AssistantsSearch
        {
            GraphId = Str(v, "graph_id"), Metadata = Obj(v, "metadata"), Limit = Int(v, "limit") ?? 10, Offset = Int(v, "offset") ?? 0,
        },
        ("crons", "create") => new CronsCreate
        {
            Payload = Obj(v, "payload", orNull: true), Schedule = Str(v, "schedule"), CronId = Str(v, "cron_id"),
            ThreadId = Str(v, "thread_id"), UserId = Str(v, "user_id"), EndTime = Time(v, "end_time"),
        },
        ("crons", "read") => new CronsRead { CronId = Str(v, "cron_id") },
        ("crons", "update") => new CronsUpdate { CronId = Str(v, "cron_id"), Payload = Obj(v, "payload", orNull: true), Schedule = Str(v, "schedule") },
        ("crons", "delete") => new CronsDelete { CronId = Str(v, "cron_id") },
        ("crons", "search") => new CronsSearch
        {
            AssistantId = Str(v, "assistant_id"), ThreadId = Str(v, "thread_id"), Limit = Int(v, "limit") ?? 10, Offset = Int(v, "offset") ?? 0,
        },
        ("store", "put") => new StorePut { Namespace = Strings(v, "namespace"), Key = Str(v, "key"), Value = Obj(v, "value", orNull: true), Index = v["index"]?.DeepClone() },
        ("store", "get") => new StoreGet { Namespace = Strings(v, "namespace"), Key = Str(v, "key") },
        ("store", "delete") => new StoreDelete { Namespace = Strings(v, "namespace"), Key = Str(v, "key") },
        ("store", "search") => new StoreSearch
        {
            Namespace = Strings(v, "namespace"), Filter = Obj(v, "filter", orNull: true), Limit = Int(v, "limit") ?? 10,
            Offset = Int(v, "offset") ?? 0, Query = Str(v, "query"),
        },
        ("store", "list_namespaces") => new StoreListNamespaces
        {
            Namespace = Strings(v, "namespace"), Suffix = StringsOrNull(v, "suffix"), MaxDepth = Int(v, "max_depth"),
            Limit = Int(v, "limit") ?? 100, Offset = Int(v, "offset") ?? 0,
        },
        _ => throw new ArgumentException($"\"{resource}:{action}\" is not an auth event.", nameof(action)),
    };

    /// <summary>The value's fields as JSON (a fresh tree, sharing nothing with the value).</summary>
    public static JsonObject Write(object value) => value switch
    {
        ThreadsCreate x => new() { ["thread_id"] = x.ThreadId, ["metadata"] = Clone(x.Metadata), ["if_exists"] = x.IfExists, ["ttl"] = Ttl(x.Ttl) },
        ThreadsRead x => new() { ["thread_id"] = x.ThreadId, ["run_id"] = x.RunId },
        ThreadsUpdate x => new() { ["thread_id"] = x.ThreadId, ["metadata"] = Clone(x.Metadata), ["action"] = x.Action },
        ThreadsDelete x => new() { ["thread_id"] = x.ThreadId, ["run_id"] = x.RunId },
        ThreadsSearch x => new()
        {
            ["metadata"] = Clone(x.Metadata), ["values"] = Clone(x.Values), ["status"] = x.Status, ["limit"] = x.Limit,
            ["offset"] = x.Offset, ["ids"] = Array(x.Ids), ["thread_id"] = x.ThreadId,
        },
        RunsCreate x => new()
        {
            ["assistant_id"] = x.AssistantId, ["thread_id"] = x.ThreadId, ["run_id"] = x.RunId, ["status"] = x.Status,
            ["metadata"] = Clone(x.Metadata), ["prevent_insert_if_inflight"] = x.PreventInsertIfInflight,
            ["multitask_strategy"] = x.MultitaskStrategy, ["if_not_exists"] = x.IfNotExists, ["after_seconds"] = x.AfterSeconds,
            ["kwargs"] = Clone(x.Kwargs), ["action"] = x.Action,
        },
        AssistantsCreate x => new()
        {
            ["assistant_id"] = x.AssistantId, ["graph_id"] = x.GraphId, ["config"] = Clone(x.Config), ["context"] = Clone(x.Context),
            ["metadata"] = Clone(x.Metadata), ["if_exists"] = x.IfExists, ["name"] = x.Name, ["description"] = x.Description,
        },
        AssistantsRead x => new() { ["assistant_id"] = x.AssistantId, ["metadata"] = Clone(x.Metadata) },
        AssistantsUpdate x => new()
        {
            ["assistant_id"] = x.AssistantId, ["graph_id"] = x.GraphId, ["config"] = Clone(x.Config), ["context"] = Clone(x.Context),
            ["metadata"] = Clone(x.Metadata), ["name"] = x.Name, ["description"] = x.Description, ["version"] = x.Version,
        },
        AssistantsDelete x => new() { ["assistant_id"] = x.AssistantId },
        AssistantsSearch x => new() { ["graph_id"] = x.GraphId, ["metadata"] = Clone(x.Metadata), ["limit"] = x.Limit, ["offset"] = x.Offset },
        CronsCreate x => new()
        {
            ["payload"] = Clone(x.Payload), ["schedule"] = x.Schedule, ["cron_id"] = x.CronId, ["thread_id"] = x.ThreadId,
            ["user_id"] = x.UserId, ["end_time"] = x.EndTime?.ToString("O", CultureInfo.InvariantCulture),
        },
        CronsRead x => new() { ["cron_id"] = x.CronId },
        CronsUpdate x => new() { ["cron_id"] = x.CronId, ["payload"] = Clone(x.Payload), ["schedule"] = x.Schedule },
        CronsDelete x => new() { ["cron_id"] = x.CronId },
        CronsSearch x => new() { ["assistant_id"] = x.AssistantId, ["thread_id"] = x.ThreadId, ["limit"] = x.Limit, ["offset"] = x.Offset },
        StorePut x => new() { ["namespace"] = Array(x.Namespace), ["key"] = x.Key, ["value"] = Clone(x.Value), ["index"] = x.Index?.DeepClone() },
        StoreGet x => new() { ["namespace"] = Array(x.Namespace), ["key"] = x.Key },
        StoreDelete x => new() { ["namespace"] = Array(x.Namespace), ["key"] = x.Key },
        StoreSearch x => new()
        {
            ["namespace"] = Array(x.Namespace), ["filter"] = Clone(x.Filter), ["limit"] = x.Limit, ["offset"] = x.Offset, ["query"] = x.Query,
        },
        StoreListNamespaces x => new()
        {
            ["namespace"] = Array(x.Namespace), ["suffix"] = Array(x.Suffix), ["max_depth"] = x.MaxDepth, ["limit"] = x.Limit, ["offset"] = x.Offset,
        },
        _ => throw new ArgumentException($"{value.GetType().Name} is not an auth event value.", nameof(value)),
    };

    /// <summary>The top-level fields whose JSON differs between two writes of a value (what the handler changed).</summary>
    public static List<string> Changed(JsonObject before, JsonObject after)
    {
        var changed = new List<string>();
        foreach (var (name, node) in after)
        {
            if (!JsonNode.DeepEquals(before[name], node))
            {
                changed.Add(name);
            }
        }

        return changed;
    }

    private static string? Str(JsonObject v, string name) =>
        v[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static int? Int(JsonObject v, string name) =>
        v[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out int i) ? i :
        v[name] is JsonValue d && d.GetValueKind() == JsonValueKind.Number && d.TryGetValue(out double n) && n == Math.Floor(n) && n is >= int.MinValue and <= int.MaxValue ? (int)n : null;

    private static double? Number(JsonObject v, string name) =>
        v[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out double d) ? d : null;

    private static bool? Bool(JsonObject v, string name) =>
        v[name] is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value.GetValue<bool>() : null;

    private static DateTimeOffset? Time(JsonObject v, string name) =>
        Str(v, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? time : null;

    private static JsonObject? Obj(JsonObject v, string name, bool orNull) =>
        v[name] is JsonObject value ? value.DeepClone().AsObject() : orNull ? null : new JsonObject();

    private static JsonObject Obj(JsonObject v, string name) => Obj(v, name, orNull: false)!;

    private static List<string> Strings(JsonObject v, string name) =>
        v[name] is JsonArray array
            ? array.OfType<JsonValue>().Where(i => i.GetValueKind() == JsonValueKind.String).Select(i => i.GetValue<string>()).ToList()
            : [];

    private static List<string>? StringsOrNull(JsonObject v, string name) => v[name] is JsonArray ? Strings(v, name) : null;

    private static ThreadTtl? Ttl(JsonObject v) => v["ttl"] switch
    {
        JsonValue number when number.GetValueKind() == JsonValueKind.Number => new ThreadTtl { Strategy = "delete", Ttl = number.GetValue<double>() },
        JsonObject ttl => new ThreadTtl { Strategy = Str(ttl, "strategy") ?? "delete", Ttl = Number(ttl, "ttl") },
        _ => null,
    };

    private static JsonObject? Ttl(ThreadTtl? ttl) => ttl is null ? null : new JsonObject { ["strategy"] = ttl.Strategy, ["ttl"] = ttl.Ttl };

    private static JsonObject? Clone(JsonObject? value) => value?.DeepClone().AsObject();

    private static JsonArray? Array(IEnumerable<string>? values) =>
        values is null ? null : new JsonArray(values.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
}
