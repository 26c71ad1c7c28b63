using System.Collections.Generic;

namespace AuthGateway;

/// <summary>The API keys and the users they belong to (a database or a secret manager in a real deployment).</summary>
public sealed class ApiKeyStore(IReadOnlyDictionary<string, string> userByKey)
{
    /// <summary>The demo keys: <c>key-alice</c> and <c>key-bob</c>.</summary>
    public static ApiKeyStore Demo { get; } = new(new Dictionary<string, string> { ["key-alice"] = "alice", ["key-bob"] = "bob" });

    /// <summary>The user a key belongs to, or null for an unknown key.</summary>
    public string? FindUser(string apiKey) => userByKey.TryGetValue(apiKey, out var user) ? user : null;
}
