using System.Buffers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace LangGraph.Sdk.Auth.AspNetCore.Gateway;

/// <summary>Writes the gateway's own answers: denials as the server gives them (status, headers, <c>{"detail": "…"}</c>) and synthesised results.</summary>
internal static class GatewayResponses
{
    public static Task WriteErrorAsync(HttpContext context, GatewayError error, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("detail", error.Detail);
            writer.WriteEndObject();
        }

        var response = context.Response;
        response.Clear();
        response.StatusCode = error.StatusCode;
        if (error.Headers is not null)
        {
            foreach (var (name, value) in error.Headers)
            {
                response.Headers[name] = value;
            }
        }

        return WriteJsonAsync(context, error.StatusCode, buffer.WrittenMemory, cancellationToken);
    }

    public static Task WriteJsonAsync(HttpContext context, int statusCode, System.ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json";
        response.ContentLength = json.Length;
        return response.Body.WriteAsync(json, cancellationToken).AsTask();
    }
}
