using System.Text.Json;

namespace LangGraph.Sdk.Auth.AspNetCore.Gateway;

/// <summary>The server's validation of a stored item's namespace, which it runs before any auth event.</summary>
internal static class StoreNamespace
{
    /// <summary>The first label of a <c>PUT /store/items</c> namespace that is empty or contains a period, or null.</summary>
    public static string? FindInvalidLabel(AuthRouteMatch match, JsonElement? body)
    {
        if (match.Route is not { Method: "PUT", Template: "/store/items" } ||
            body is not { ValueKind: JsonValueKind.Object } root ||
            !root.TryGetProperty("namespace", out var ns) || ns.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var label in ns.EnumerateArray())
        {
            if (label.ValueKind == JsonValueKind.String && label.GetString() is { } text && (text.Length == 0 || text.Contains('.', System.StringComparison.Ordinal)))
            {
                return text;
            }
        }

        return null;
    }
}
