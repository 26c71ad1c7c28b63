using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>Options of <see cref="AssistantsClient.CreateAsync"/>. Null, empty and default values are not sent.</summary>
public sealed class AssistantCreateOptions : LangGraphRequestOptions
{
    /// <summary>Gets or sets the config the assistant runs its graph with; sent when it sets anything.</summary>
    public RunConfig? Config { get; set; }

    /// <summary>Gets or sets the static run context (an object); sent when not null and not empty.</summary>
    public object? Context { get; set; }

    /// <summary>Gets the metadata stored with the assistant; sent when not empty.</summary>
    public IDictionary<string, object?> Metadata { get; } = new Dictionary<string, object?>();

    /// <summary>Gets or sets the assistant id to use; the server makes one when null.</summary>
    public string? AssistantId { get; set; }

    /// <summary>Gets or sets what happens when <see cref="AssistantId"/> exists already; the server raises 409 by default.</summary>
    public OnConflictBehavior? IfExists { get; set; }

    /// <summary>Gets or sets the assistant's name; the server names it <c>Untitled</c> when null.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the assistant's description.</summary>
    public string? Description { get; set; }
}
