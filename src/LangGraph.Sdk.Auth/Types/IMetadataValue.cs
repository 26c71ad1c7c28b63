using System.Text.Json.Nodes;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// A handler value that carries metadata. A handler that guards several actions (for example <c>[On("threads")]</c> with a
/// value of type <see cref="object"/>) can stamp an owner on any of them: <c>if (value is IMetadataValue v) v.Metadata["owner"] = ctx.User.Identity;</c>
/// </summary>
public interface IMetadataValue
{
    /// <summary>Gets or sets the metadata; never null (an absent <c>metadata</c> is an empty object). Changes are what the server stores.</summary>
    JsonObject Metadata { get; set; }
}
