using System;

namespace LangGraph.Sdk.Http;

/// <summary>Resolves the API key as the Python and JS SDKs do: explicit key, else the environment.</summary>
internal static class ApiKeyResolver
{
    public static string? Resolve(LangGraphClientOptions options, Func<string, string?> getEnvironmentVariable)
    {
        if (options.ApiKey is not null)
        {
            return options.ApiKey;
        }

        if (!options.ReadApiKeyFromEnvironment)
        {
            return null;
        }

        foreach (var name in LangGraphClientOptions.ApiKeyEnvironmentVariables)
        {
            var value = Normalize(getEnvironmentVariable(name));
            if (!string.IsNullOrEmpty(value))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Trims the value and removes one pair of surrounding single or double quotes.</summary>
    internal static string? Normalize(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length >= 2 && (trimmed[0] == '"' || trimmed[0] == '\'') && trimmed[^1] == trimmed[0])
        {
            trimmed = trimmed[1..^1].Trim();
        }

        return trimmed;
    }
}
