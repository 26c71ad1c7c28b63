using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FluentAssertions;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk.Tests.Serialization;

/// <summary>
/// Issue 14: the free-form <c>metadata</c> of a run, an assistant, an assistant version, a cron and a thread state is read
/// as one document of the whole object with a dictionary view over it (not a document per value in a new dictionary),
/// with the same values, the same errors, and written back as the same object.
/// </summary>
public class JsonObjectDictionaryConverterTests
{
    private const string Metadata = """{"owner":"alice","n":3,"nested":{"a":[1,2]},"none":null}""";

    private static IReadOnlyDictionary<string, JsonElement> MetadataOf(string model, string metadataJson)
    {
        var member = metadataJson.Length == 0 ? "" : $",\"metadata\":{metadataJson}";
        return model switch
        {
            "run" => JsonSerializer.Deserialize($$"""{"run_id":"r-1","thread_id":"t-1","assistant_id":"a-1","status":"success"{{member}}}""", LangGraphJsonContext.Default.Run)!.Metadata,
            "assistant" => JsonSerializer.Deserialize($$"""{"assistant_id":"a-1","graph_id":"agent"{{member}}}""", LangGraphJsonContext.Default.Assistant)!.Metadata,
            "version" => JsonSerializer.Deserialize($$"""{"assistant_id":"a-1","graph_id":"agent","version":2{{member}}}""", LangGraphJsonContext.Default.AssistantVersion)!.Metadata,
            "cron" => JsonSerializer.Deserialize($$"""{"cron_id":"c-1","schedule":"* * * * *"{{member}}}""", LangGraphJsonContext.Default.Cron)!.Metadata,
            "state" => JsonSerializer.Deserialize($$"""{"values":{},"next":[]{{member}}}""", LangGraphJsonContext.Default.ThreadState)!.Metadata,
            _ => throw new System.ArgumentException(model),
        };
    }

    public static TheoryData<string> Models() => new() { "run", "assistant", "version", "cron", "state" };

    [Theory]
    [MemberData(nameof(Models))]
    public void Metadata_is_a_view_of_its_object_with_every_value(string model)
    {
        var metadata = MetadataOf(model, Metadata);

        metadata.Should().BeOfType<JsonObjectDictionary>();
        metadata.Keys.Should().Equal("owner", "n", "nested", "none");
        metadata["owner"].GetString().Should().Be("alice");
        metadata["n"].GetInt32().Should().Be(3);
        metadata["nested"].GetProperty("a").EnumerateArray().Select(e => e.GetInt32()).Should().Equal(1, 2);
        metadata["none"].ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void A_null_or_missing_metadata_is_empty(string model)
    {
        MetadataOf(model, "null").Should().BeEmpty();
        MetadataOf(model, "").Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Metadata_that_is_not_an_object_is_an_error_that_says_so(string model)
    {
        FluentActions.Invoking(() => MetadataOf(model, "[1,2]"))
            .Should().Throw<JsonException>().WithMessage("*Expected a JSON object*rray*");
        FluentActions.Invoking(() => MetadataOf(model, "\"owner\""))
            .Should().Throw<JsonException>().WithMessage("*Expected a JSON object*tring*");
    }

    [Fact]
    public void Metadata_is_written_back_as_the_same_object()
    {
        var run = JsonSerializer.Deserialize($$"""{"run_id":"r-1","thread_id":"t-1","metadata":{{Metadata}}}""", LangGraphJsonContext.Default.Run)!;

        var json = JsonSerializer.Serialize(run, LangGraphJsonContext.Default.Run);

        using var written = JsonDocument.Parse(json);
        written.RootElement.GetProperty("metadata").GetRawText().Should().Be(Metadata);
    }

    [Fact]
    public void Any_map_of_JSON_values_is_written_as_an_object()
    {
        IReadOnlyDictionary<string, JsonElement> map = new Dictionary<string, JsonElement>
        {
            ["a"] = JsonDocument.Parse("1").RootElement,
            ["b"] = JsonDocument.Parse("""{"c":[true]}""").RootElement,
        };

        JsonSerializer.Serialize(map, LangGraphJsonContext.Default.IReadOnlyDictionaryStringJsonElement)
            .Should().Be("""{"a":1,"b":{"c":[true]}}""");
    }
}
