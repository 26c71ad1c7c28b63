using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// An authenticated user: the C# form of Python's <c>BaseUser</c> protocol. <see cref="MinimalUserDict"/> and
/// <see cref="StudioUser"/> implement it; implement it yourself to return your own user type from an
/// <see cref="AuthenticateAttribute">[Authenticate]</see> handler.
/// </summary>
/// <remarks>
/// The user reaches the graph as <c>config.configurable.langgraph_auth_user</c>: the four standard fields
/// (<c>identity</c>, <c>display_name</c>, <c>is_authenticated</c>, <c>permissions</c>) followed by every other key in
/// <see cref="Keys"/> with its value from the indexer.
/// </remarks>
public interface IAuthUser
{
    /// <summary>Gets the unique identifier of the user (<c>identity</c>); it becomes <c>langgraph_auth_user_id</c>.</summary>
    string Identity { get; }

    /// <summary>Gets the name shown for the user (<c>display_name</c>).</summary>
    string DisplayName { get; }

    /// <summary>Gets whether the user is authenticated (<c>is_authenticated</c>).</summary>
    bool IsAuthenticated { get; }

    /// <summary>Gets the user's permissions (<c>permissions</c>); they become <c>AuthContext.Permissions</c> and <c>langgraph_auth_permissions</c>.</summary>
    IReadOnlyList<string> Permissions { get; }

    /// <summary>Gets the value of a field, standard (<c>"identity"</c>, …) or custom (<c>"github_token"</c>, …), as Python's <c>user[key]</c>.</summary>
    /// <param name="key">The field name, in its wire (snake_case) form.</param>
    /// <returns>The value, or null when the user has no such field.</returns>
    JsonNode? this[string key] { get; }

    /// <summary>Gets whether the user has a field with that name, as Python's <c>key in user</c>.</summary>
    /// <param name="key">The field name, in its wire (snake_case) form.</param>
    /// <returns>True when the user has the field.</returns>
    bool ContainsKey(string key);

    /// <summary>Gets every field name, standard ones first, as Python's <c>iter(user)</c>.</summary>
    IEnumerable<string> Keys { get; }
}
