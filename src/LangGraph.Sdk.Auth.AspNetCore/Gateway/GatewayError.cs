using System.Collections.Generic;

namespace LangGraph.Sdk.Auth.AspNetCore.Gateway;

/// <summary>An answer the gateway gives instead of forwarding: the status, the detail and the headers to add.</summary>
internal sealed record GatewayError(int StatusCode, string Detail, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static GatewayError NotFound { get; } = new(404, "Not Found");

    public static GatewayError From(AuthHttpException denial) => new(denial.StatusCode, denial.Detail, denial.Headers);
}
