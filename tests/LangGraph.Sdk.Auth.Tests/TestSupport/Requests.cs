using System.Collections.Generic;
using System.Text.Json;

namespace LangGraph.Sdk.Auth.Tests.TestSupport;

/// <summary>Builds requests for the tests.</summary>
internal static class Requests
{
    public const string ThreadId = "0b9a3e0e-7c8f-4f4e-9d63-0d8f5d9e2c11";
    public const string RunId = "1e6f2a4b-3c5d-4e7f-8a9b-0c1d2e3f4a5b";
    public const string AssistantId = "5a1d3c7e-2b4f-4a6c-8e0d-9f1b3d5c7e9a";
    public const string CronId = "7c9e1a3b-5d7f-4b1d-9e3a-5c7e9a1b3d5f";

    public static AuthRequest Make(string method, string path, string? body = null, params (string Name, string Value)[] headers)
    {
        var headerMap = new Dictionary<string, string>();
        foreach (var (name, value) in headers)
        {
            headerMap[name] = value;
        }

        return new AuthRequest(method, path)
        {
            Headers = headerMap,
            Body = body is null ? null : JsonDocument.Parse(body).RootElement.Clone(),
        };
    }

    public static AuthRequest Bearer(string method, string path, string token, string? body = null) =>
        Make(method, path, body, ("Authorization", $"Bearer {token}"));
}
