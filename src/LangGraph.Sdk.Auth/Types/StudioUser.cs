using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using LangGraph.Sdk.Auth.Serialization;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// The user of a request made from LangGraph Studio (Python's <c>StudioUser</c>): <see cref="Identity"/> and
/// <see cref="DisplayName"/> are the username, and the <c>kind</c> field is <c>"StudioUser"</c>. Test for it with
/// <see cref="Auth.IsStudioUser"/>.
/// </summary>
public sealed class StudioUser : IAuthUser
{
    /// <summary>The value of the <c>kind</c> field of a Studio user: <c>"StudioUser"</c>.</summary>
    public const string KindValue = "StudioUser";

    private const string KindKey = "kind";
    private readonly string[] _permissions;

    /// <summary>Creates a Studio user with Python's default permissions: <c>["authenticated"]</c> when authenticated, else none.</summary>
    /// <param name="username">The username; it is both identity and display name.</param>
    /// <param name="isAuthenticated">Whether the user is authenticated. <value>The default value is false, as in Python.</value></param>
    public StudioUser(string username, bool isAuthenticated = false)
        : this(username, isAuthenticated, null)
    {
    }

    /// <summary>Creates a Studio user with the given permissions.</summary>
    /// <param name="username">The username; it is both identity and display name.</param>
    /// <param name="isAuthenticated">Whether the user is authenticated.</param>
    /// <param name="permissions">The permissions, or null for Python's default (<c>["authenticated"]</c> when authenticated, else none).</param>
    public StudioUser(string username, bool isAuthenticated, IEnumerable<string>? permissions)
    {
        ArgumentNullException.ThrowIfNull(username);
        Username = username;
        IsAuthenticated = isAuthenticated;
        _permissions = permissions is null ? (isAuthenticated ? ["authenticated"] : []) : permissions.ToArray();
    }

    /// <summary>
    /// The user the JS dev server gives a request sent with <c>x-auth-scheme: langsmith</c>: <c>langgraph-studio-user</c>,
    /// authenticated, with no permissions. See <see cref="Auth.EnableStudioAuth"/>.
    /// </summary>
    public static StudioUser LangGraphStudio { get; } = new("langgraph-studio-user", isAuthenticated: true, permissions: []);

    /// <summary>Gets the username.</summary>
    public string Username { get; }

    /// <summary>Gets the identity: the username.</summary>
    public string Identity => Username;

    /// <summary>Gets the display name: the username.</summary>
    public string DisplayName => Username;

    /// <summary>Gets whether the user is authenticated.</summary>
    public bool IsAuthenticated { get; }

    /// <summary>Gets the permissions.</summary>
    public IReadOnlyList<string> Permissions => _permissions;

    /// <summary>Gets every field name: the four standard ones and <c>kind</c>.</summary>
    public IEnumerable<string> Keys => [.. UserJson.StandardKeys, KindKey];

    /// <summary>Gets a field: one of the four standard ones, or <c>kind</c> (<c>"StudioUser"</c>).</summary>
    /// <param name="key">The field name.</param>
    /// <returns>The value, or null for any other name.</returns>
    public JsonNode? this[string key]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(key);
            return key switch
            {
                UserJson.IdentityKey => JsonValue.Create(Identity),
                UserJson.DisplayNameKey => JsonValue.Create(DisplayName),
                UserJson.IsAuthenticatedKey => JsonValue.Create(IsAuthenticated),
                UserJson.PermissionsKey => UserJson.ToJsonArray(_permissions),
                KindKey => JsonValue.Create(KindValue),
                _ => null,
            };
        }
    }

    /// <summary>Gets whether the user has the field: the four standard ones and <c>kind</c>.</summary>
    /// <param name="key">The field name.</param>
    /// <returns>True for those five names.</returns>
    public bool ContainsKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return UserJson.IsStandardKey(key) || key == KindKey;
    }

    /// <inheritdoc />
    public override string ToString() => Username;
}
