using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>The wire form of <see cref="LangSmithTracing"/> (<c>langsmith_tracer</c>).</summary>
internal sealed record LangSmithTracerRequest
{
    [JsonPropertyName("project_name")]
    public string? ProjectName { get; init; }

    [JsonPropertyName("example_id")]
    public string? ExampleId { get; init; }

    /// <summary>Maps the tracing target, null when <paramref name="tracing"/> is null.</summary>
    public static LangSmithTracerRequest? From(LangSmithTracing? tracing) =>
        tracing is null ? null : new() { ProjectName = tracing.ProjectName, ExampleId = tracing.ExampleId };
}
