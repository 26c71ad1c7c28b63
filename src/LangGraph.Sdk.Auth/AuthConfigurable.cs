using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using LangGraph.Sdk.Auth.Serialization;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// How the authenticated user reaches the graph: the three <c>config.configurable</c> entries the LangGraph server sets on
/// every run, <c>langgraph_auth_user</c>, <c>langgraph_auth_user_id</c> and <c>langgraph_auth_permissions</c>.
/// </summary>
public static class AuthConfigurable
{
    /// <summary>The key of the user object: <c>"langgraph_auth_user"</c>.</summary>
    public const string UserKey = "langgraph_auth_user";

    /// <summary>The key of the user's identity: <c>"langgraph_auth_user_id"</c>.</summary>
    public const string UserIdKey = "langgraph_auth_user_id";

    /// <summary>The key of the user's permissions: <c>"langgraph_auth_permissions"</c>.</summary>
    public const string PermissionsKey = "langgraph_auth_permissions";

    /// <summary>
    /// Sets the three entries in a run's <c>configurable</c>, overwriting whatever the client sent under those keys:
    /// the user object (standard fields, then custom ones), the identity, and the permissions.
    /// </summary>
    /// <param name="configurable">The run's <c>config.configurable</c> object (a <see cref="JsonObject"/> works).</param>
    /// <param name="user">The authenticated user.</param>
    public static void Apply(IDictionary<string, JsonNode?> configurable, IAuthUser user)
    {
        ArgumentNullException.ThrowIfNull(configurable);
        ArgumentNullException.ThrowIfNull(user);
        configurable[UserKey] = UserJson.ToJsonObject(user);
        configurable[UserIdKey] = JsonValue.Create(user.Identity);
        configurable[PermissionsKey] = UserJson.ToJsonArray(UserJson.PermissionsOf(user));
    }

    /// <summary>Returns the user as the <c>langgraph_auth_user</c> object: <c>{"identity", "display_name", "is_authenticated", "permissions", …custom}</c>.</summary>
    /// <param name="user">The user.</param>
    /// <returns>A new JSON object.</returns>
    public static JsonObject UserToJson(IAuthUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return UserJson.ToJsonObject(user);
    }
}
