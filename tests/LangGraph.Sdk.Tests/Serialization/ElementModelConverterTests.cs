using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FluentAssertions;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk.Tests.Serialization;

/// <summary>
/// Issue 14: runs, assistants, threads and thread states are read from one document (<see cref="ElementModels"/>), by the serializer
/// (a model inside other JSON) and from a whole response body parsed once. Each is checked against the serializer's own
/// reading of the same record (reflection, with the SDK's naming and null handling): the same members, the same errors
/// for a value of the wrong kind, the same JSON written.
/// </summary>
public class ElementModelConverterTests
{
    // The serializer's own reading of the records, without the SDK's converters.
    private static readonly JsonSerializerOptions Reference = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private const string FullRun = """
        {"run_id":"r-1","thread_id":"t-1","assistant_id":"a-1","created_at":"2026-11-30T10:15:42.123456+00:00",
         "updated_at":"2026-11-30T10:16:03.654321+01:00","status":"success","metadata":{"owner":"alice","n":3,"nested":{"a":[1,2]}},
         "multitask_strategy":"interrupt","cancel_reason":"taken:r-2","kwargs":{"input":{"messages":[]},"stream_mode":["values"]},
         "unknown":{"skip":[1,{"x":null}]},"ttl":null}
        """;

    private const string FullAssistant = """
        {"assistant_id":"a-1","graph_id":"agent","config":{"configurable":{"model":"m"},"tags":["t"]},"context":{"model":"m"},
         "created_at":"2026-11-30T10:15:42Z","updated_at":"2026-11-30T10:16:03.5+02:00","metadata":{"created_by":"system"},
         "version":3,"name":"agent","description":"The assistant.","unknown":[1,2]}
        """;

    // A state interrupted in a subgraph task, with a nested state, a checkpoint map and an interrupt with extra members.
    private const string FullState = """
        {"values":{"messages":[{"type":"human","content":"hi"}]},"next":["agent","tools"],
         "checkpoint":{"thread_id":"t-1","checkpoint_ns":"","checkpoint_id":"c-2","checkpoint_map":{"":"c-2"}},
         "metadata":{"source":"loop","step":2,"writes":{"agent":{"n":1}}},"created_at":"2026-11-30T10:16:03.654321+00:00",
         "parent_checkpoint":{"thread_id":"t-1","checkpoint_ns":"","checkpoint_id":"c-1"},
         "tasks":[{"id":"task-1","name":"agent","error":null,"interrupts":[{"value":"approve?","id":"i-1","when":"during"}],"path":["__pregel_pull","agent"],
                   "checkpoint":null,"state":{"values":{"inner":true},"next":["sub"],"tasks":[],"interrupts":[]},"result":{"n":1}}],
         "interrupts":[{"value":{"question":"approve?"},"id":"i-1","namespace":["agent:task-1"],"extra":[1]}],"checkpoint_id":"c-2"}
        """;

    public static TheoryData<string, string> Readable() => new()
    {
        { "run", FullRun },
        { "run", """{"run_id":"r-2","thread_id":"t","assistant_id":"a","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z","status":"pending","metadata":null,"multitask_strategy":null,"cancel_reason":null,"kwargs":null}""" },
        { "run", """{"run_id":"r-3","status":"a-new-status"}""" },
        { "run", """{"r\u0075n_id":"r-4","st\u0061tus":"running","metadata":{"k\u0065y":"v"}}""" },
        { "assistant", FullAssistant },
        { "assistant", """{"assistant_id":"a-2","graph_id":"g","config":null,"context":null,"metadata":null,"version":1,"name":null,"description":null}""" },
        { "assistant", """{"assistant_id":"a-3"}""" },
        { "assistant", """{"assistant_id":"a-4","version":"3"}""" },
        { "thread", """{"thread_id":"t-1","created_at":"2026-11-30T10:15:42Z","updated_at":"2026-11-30T10:15:42Z","state_updated_at":"2026-11-30T10:15:43Z","metadata":{"a":1},"status":"busy","values":{"v":1},"interrupts":{},"config":{"c":1},"extracted":{"e":[1]},"other":1}""" },
        { "thread", """{"thread_id":"t-2","status":"paused","metadata":null,"values":null,"extracted":null,"state_updated_at":null}""" },
        { "state", FullState },
        { "state", """{"values":null,"next":null,"checkpoint":null,"metadata":null,"created_at":null,"parent_checkpoint":null,"tasks":null,"interrupts":null}""" },
        { "state", """{"values":{"n":1},"next":[],"tasks":[],"interrupts":[],"checkpoint":{"checkpoint_id":"c"}}""" },
    };

    public static TheoryData<string, string, string> Wrong() => new()
    {
        { "run", """{"run_id":5}""", "run_id" },
        { "run", """{"run_id":"r","created_at":null}""", "created_at" },
        { "run", """{"run_id":"r","updated_at":"yesterday"}""", "updated_at" },
        { "run", """{"run_id":"r","status":null}""", "status" },
        { "run", """{"run_id":"r","status":1}""", "status" },
        { "run", """{"run_id":"r","metadata":[1]}""", "metadata" },
        { "run", """{"run_id":"r","multitask_strategy":true}""", "multitask_strategy" },
        { "assistant", """{"assistant_id":"a","version":null}""", "version" },
        { "assistant", """{"assistant_id":"a","version":1.5}""", "version" },
        { "assistant", """{"assistant_id":"a","name":{}}""", "name" },
        { "assistant", """{"assistant_id":["a"]}""", "assistant_id" },
        { "thread", """{"thread_id":"t","created_at":null}""", "created_at" },
        { "thread", """{"thread_id":"t","created_at":"not a date"}""", "created_at" },
        { "thread", """{"thread_id":1}""", "thread_id" },
        { "thread", """{"thread_id":"t","extracted":"x"}""", "extracted" },
        { "state", """{"values":{},"next":"agent"}""", "next" },
        { "state", """{"values":{},"next":[1]}""", "next" },
        { "state", """{"values":{},"created_at":"soon"}""", "created_at" },
        { "state", """{"values":{},"checkpoint":[]}""", "checkpoint" },
        { "state", """{"values":{},"checkpoint":{"checkpoint_id":1}}""", "checkpoint_id" },
        { "state", """{"values":{},"metadata":1}""", "metadata" },
    };

    [Theory]
    [MemberData(nameof(Readable))]
    public void The_serializer_and_the_one_pass_body_read_what_the_serializer_itself_reads(string model, string json)
    {
        var expected = Normalise(model, ReadReference(model, json));

        Normalise(model, ReadViaConverter(model, json)).Should().Be(expected);
        Normalise(model, ReadViaBody(model, json)).Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(Readable))]
    public void A_model_is_written_as_the_serializer_itself_writes_it(string model, string json)
    {
        var value = ReadViaConverter(model, json);

        Write(model, value, SdkInfo(model)).Should().Be(Write(model, ReadReference(model, json), Reference.GetTypeInfo(Type(model))));
    }

    [Theory]
    [MemberData(nameof(Wrong))]
    public void A_value_of_the_wrong_kind_is_a_json_error_naming_its_member(string model, string json, string member)
    {
        FluentActions.Invoking(() => ReadReference(model, json)).Should().Throw<JsonException>("the serializer itself refuses it");
        FluentActions.Invoking(() => ReadViaConverter(model, json)).Should().Throw<JsonException>().WithMessage($"*'{member}'*");
        FluentActions.Invoking(() => ReadViaBody(model, json)).Should().Throw<JsonException>().WithMessage($"*'{member}'*");
    }

    [Theory]
    [InlineData("run")]
    [InlineData("assistant")]
    [InlineData("thread")]
    [InlineData("state")]
    public void A_list_body_and_a_non_object_are_read_or_refused(string model)
    {
        var one = model switch { "run" => FullRun, "assistant" => FullAssistant, "state" => FullState, _ => """{"thread_id":"t-9"}""" };
        var list = $"[{one},{one}]";

        var viaSerializer = (System.Collections.IList)JsonSerializer.Deserialize(list, SdkListInfo(model))!;
        viaSerializer.Count.Should().Be(2);
        if (TryBody(model, list, out var viaBody))
        {
            ((System.Collections.IList)viaBody!).Count.Should().Be(2);
        }

        FluentActions.Invoking(() => JsonSerializer.Deserialize("[1]", SdkListInfo(model))).Should().Throw<JsonException>().WithMessage("*JSON object*");
        FluentActions.Invoking(() => ReadViaBody(model, "\"text\"")).Should().Throw<JsonException>().WithMessage("*JSON object*");
    }

    [Fact]
    public void The_free_form_members_of_a_run_and_an_assistant_are_elements_of_one_document()
    {
        var run = ReadViaConverter("run", FullRun) as Run;
        var assistant = ReadViaConverter("assistant", FullAssistant) as Assistant;

        run!.Metadata.Should().BeOfType<JsonObjectDictionary>();
        run.Kwargs!.Value.GetProperty("stream_mode")[0].GetString().Should().Be("values");
        assistant!.Metadata.Should().BeOfType<JsonObjectDictionary>();
        assistant.Config!.Value.GetProperty("configurable").GetProperty("model").GetString().Should().Be("m");
        assistant.Context!.Value.GetProperty("model").GetString().Should().Be("m");
    }

    private static Type Type(string model) => model switch
    {
        "run" => typeof(Run),
        "assistant" => typeof(Assistant),
        "state" => typeof(ThreadState),
        _ => typeof(LangGraphThread),
    };

    private static JsonTypeInfo SdkInfo(string model) => model switch
    {
        "run" => LangGraphJsonContext.Default.Run,
        "assistant" => LangGraphJsonContext.Default.Assistant,
        "state" => LangGraphJsonContext.Default.ThreadState,
        _ => LangGraphJsonContext.Default.LangGraphThread,
    };

    private static JsonTypeInfo SdkListInfo(string model) => model switch
    {
        "run" => LangGraphJsonContext.Default.ListRun,
        "assistant" => LangGraphJsonContext.Default.ListAssistant,
        "state" => LangGraphJsonContext.Default.ListThreadState,
        _ => LangGraphJsonContext.Default.ListLangGraphThread,
    };

    private static object ReadReference(string model, string json) => JsonSerializer.Deserialize(json, Type(model), Reference)!;

    private static object ReadViaConverter(string model, string json) => JsonSerializer.Deserialize(json, SdkInfo(model))!;

    private static object ReadViaBody(string model, string json) => TryBody(model, json, out var value) ? value! : ReadViaConverter(model, json);

    // net8: the one-pass body read is net10-only, and the serializer reads the body.
    private static bool TryBody(string model, string json, out object? value)
    {
        var body = Encoding.UTF8.GetBytes(json);
        bool read;
        (read, value) = (model, json.TrimStart().StartsWith('[')) switch
        {
            ("run", true) => ElementModels.TryReadBody(body, out List<Run>? runs) ? (true, runs) : (false, null),
            ("assistant", true) => ElementModels.TryReadBody(body, out List<Assistant>? assistants) ? (true, assistants) : (false, null),
            ("state", true) => ElementModels.TryReadBody(body, out List<ThreadState>? states) ? (true, states) : (false, null),
            (_, true) => ElementModels.TryReadBody(body, out List<LangGraphThread>? threads) ? (true, threads) : (false, null),
            ("run", false) => ElementModels.TryReadBody(body, out Run? run) ? (true, run) : (false, null),
            ("assistant", false) => ElementModels.TryReadBody(body, out Assistant? assistant) ? (true, assistant) : (false, (object?)null),
            ("state", false) => ElementModels.TryReadBody(body, out ThreadState? state) ? (true, state) : (false, null),
            _ => ElementModels.TryReadBody(body, out LangGraphThread? thread) ? (true, thread) : (false, null),
        };
        return read;
    }

    private static string Write(string model, object value, JsonTypeInfo info) => JsonSerializer.Serialize(value, info);

    // Every member, free-form ones by their JSON text, in one string to compare.
    private static string Normalise(string model, object value)
    {
        static string Map(IReadOnlyDictionary<string, JsonElement>? map) =>
            map is null ? "null" : "{" + string.Join(",", map.Select(p => $"{p.Key}={p.Value.GetRawText()}")) + "}";
        static string Element(JsonElement? element) => element?.GetRawText() ?? "null";

        return value switch
        {
            Run r => string.Join("|", r.RunId, r.ThreadId, r.AssistantId, r.CreatedAt.ToString("O"), r.UpdatedAt.ToString("O"),
                r.Status.Value ?? "null", Map(r.Metadata), r.MultitaskStrategy?.Value ?? "null", r.CancelReason ?? "null", Element(r.Kwargs)),
            Assistant a => string.Join("|", a.AssistantId, a.GraphId, Element(a.Config), Element(a.Context), a.CreatedAt.ToString("O"),
                a.UpdatedAt.ToString("O"), Map(a.Metadata), a.Version, a.Name ?? "null", a.Description ?? "null"),
            // Every member of a state, its tasks and interrupts included, as the serializer itself writes them.
            ThreadState s => JsonSerializer.Serialize(s, Reference),
            LangGraphThread t => string.Join("|", t.ThreadId, t.CreatedAt.ToString("O"), t.UpdatedAt.ToString("O"), t.StateUpdatedAt?.ToString("O") ?? "null",
                Map(t.Metadata), t.Status.Value ?? "null", Element(t.Values), Element(t.Interrupts), Element(t.Config), Map(t.Extracted)),
            _ => throw new ArgumentException(model),
        };
    }
}
