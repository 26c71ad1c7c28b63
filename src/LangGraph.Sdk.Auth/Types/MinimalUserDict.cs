using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using LangGraph.Sdk.Auth.Serialization;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// The user an <see cref="AuthenticateAttribute">[Authenticate]</see> handler returns: Python's <c>MinimalUserDict</c>.
/// <see cref="Identity"/> is required; <see cref="DisplayName"/> defaults to the identity, <see cref="IsAuthenticated"/>
/// to true, <see cref="Permissions"/> to none; any other field (a token, a role, an org id) goes in through the indexer.
/// </summary>
/// <remarks>
/// It serializes to exactly the <c>langgraph_auth_user</c> shape:
/// <c>{"identity":…,"display_name":…,"is_authenticated":…,"permissions":[…],"github_token":…}</c>.
/// <code>
/// return new MinimalUserDict(identity: apiKey) { ["github_token"] = tokens.GitHub };
/// </code>
/// </remarks>
[JsonConverter(typeof(MinimalUserDictJsonConverter))]
public sealed class MinimalUserDict : IAuthUser
{
    private readonly Dictionary<string, JsonNode?> _fields = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private string _identity;
    private string? _displayName;
    private IList<string> _permissions = new List<string>();

    /// <summary>Creates a user with the given identity.</summary>
    /// <param name="identity">The unique identifier of the user.</param>
    public MinimalUserDict(string identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        _identity = identity;
    }

    /// <summary>Gets or sets the unique identifier of the user (<c>identity</c>); never null.</summary>
    public string Identity
    {
        get => _identity;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _identity = value;
        }
    }

    /// <summary>Gets or sets the name shown for the user (<c>display_name</c>). Setting null goes back to the default, the identity.</summary>
    [AllowNull]
    public string DisplayName
    {
        get => _displayName ?? _identity;
        set => _displayName = value;
    }

    /// <summary>Gets or sets whether the user is authenticated (<c>is_authenticated</c>). <value>The default value is true.</value></summary>
    public bool IsAuthenticated { get; set; } = true;

    /// <summary>Gets or sets the user's permissions (<c>permissions</c>); never null.</summary>
    [AllowNull]
    public IList<string> Permissions
    {
        get => _permissions;
        set => _permissions = value ?? new List<string>();
    }

    IReadOnlyList<string> IAuthUser.Permissions => _permissions as IReadOnlyList<string> ?? [.. _permissions];

    /// <summary>
    /// Gets or sets a field by its wire name. Custom fields (<c>"github_token"</c>) are stored as given; the standard
    /// names (<c>"identity"</c>, <c>"display_name"</c>, <c>"is_authenticated"</c>, <c>"permissions"</c>) read and write the
    /// typed properties, so the value must have the matching JSON type.
    /// </summary>
    /// <param name="key">The field name.</param>
    /// <returns>The value, or null when there is no such field.</returns>
    /// <exception cref="ArgumentException">A standard field was set to a value of the wrong JSON type.</exception>
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
                _ => _fields.GetValueOrDefault(key),
            };
        }
        set
        {
            ArgumentNullException.ThrowIfNull(key);
            switch (key)
            {
                case UserJson.IdentityKey:
                    Identity = UserJson.ReadString(value, key) ?? throw new ArgumentException("The \"identity\" field cannot be null.", nameof(key));
                    break;
                case UserJson.DisplayNameKey:
                    DisplayName = UserJson.ReadString(value, key);
                    break;
                case UserJson.IsAuthenticatedKey:
                    IsAuthenticated = UserJson.ReadBoolean(value, key);
                    break;
                case UserJson.PermissionsKey:
                    Permissions = UserJson.ReadStringList(value, key);
                    break;
                default:
                    if (!_fields.ContainsKey(key))
                    {
                        _order.Add(key);
                    }

                    _fields[key] = value;
                    break;
            }
        }
    }

    /// <summary>Gets every field name: the four standard ones, then the custom ones in the order they were added.</summary>
    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var key in UserJson.StandardKeys)
            {
                yield return key;
            }

            foreach (var key in _order)
            {
                yield return key;
            }
        }
    }

    /// <summary>Gets the custom fields (everything but the four standard ones), in the order they were added.</summary>
    public IEnumerable<KeyValuePair<string, JsonNode?>> CustomFields
    {
        get
        {
            foreach (var key in _order)
            {
                yield return new(key, _fields[key]);
            }
        }
    }

    /// <summary>Gets whether the user has the field: always true for the four standard names.</summary>
    /// <param name="key">The field name.</param>
    /// <returns>True when the user has the field.</returns>
    public bool ContainsKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return UserJson.IsStandardKey(key) || _fields.ContainsKey(key);
    }

    /// <summary>Removes a custom field.</summary>
    /// <param name="key">The field name.</param>
    /// <returns>True when the field was there.</returns>
    /// <exception cref="ArgumentException">The key is one of the four standard fields, which cannot be removed.</exception>
    public bool Remove(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (UserJson.IsStandardKey(key))
        {
            throw new ArgumentException($"The standard field \"{key}\" cannot be removed.", nameof(key));
        }

        if (!_fields.Remove(key))
        {
            return false;
        }

        _order.Remove(key);
        return true;
    }

    /// <summary>Returns the user as <c>langgraph_auth_user</c> JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJsonString() => UserJson.ToJsonString(this);

    /// <summary>Reads a user from <c>langgraph_auth_user</c> JSON.</summary>
    /// <param name="json">The JSON text: an object with a string <c>identity</c>.</param>
    /// <returns>The user, with every other field kept as a custom field.</returns>
    /// <exception cref="JsonException">The text is not an object with a string <c>identity</c>.</exception>
    public static MinimalUserDict Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        reader.Read();
        return UserJson.Read(ref reader);
    }

    /// <inheritdoc />
    public override string ToString() => Identity;
}
