namespace LangGraph.Sdk;

/// <summary>Where the server traces a run in LangSmith (the <c>langsmith_tracer</c> field). Null members are not sent.</summary>
public sealed class LangSmithTracing
{
    /// <summary>Gets or sets the LangSmith project to trace into (<c>project_name</c>).</summary>
    public string? ProjectName { get; set; }

    /// <summary>Gets or sets the dataset example the run belongs to (<c>example_id</c>).</summary>
    public string? ExampleId { get; set; }
}
