using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>
/// Options of <see cref="AssistantsClient.UpdateAsync"/>. Each update makes a new version of the assistant.
/// <see cref="Config"/> and <see cref="Context"/> are sent whenever they are not null (so an empty config clears it);
/// the other members only when they are set and not empty.
/// </summary>
public sealed class AssistantUpdateOptions : LangGraphRequestOptions
{
    /// <summary>Gets or sets the graph the assistant should run from now on; it keeps its graph when null.</summary>
    public string? GraphId { get; set; }

    /// <summary>Gets or sets the new config; sent whenever not null (<c>new RunConfig()</c> sends <c>{}</c>).</summary>
    public RunConfig? Config { get; set; }

    /// <summary>Gets or sets the new static run context; sent whenever not null.</summary>
    public object? Context { get; set; }

    /// <summary>Gets the metadata merged into the assistant's metadata; sent when not empty.</summary>
    public IDictionary<string, object?> Metadata { get; } = new Dictionary<string, object?>();

    /// <summary>Gets or sets the new name.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the new description.</summary>
    public string? Description { get; set; }
}
