using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LangGraph.Sdk.Auth.AspNetCore.Delegate;

/// <summary>
/// The delegate endpoint's two calls (wire format version <see cref="WireVersion"/>, see docs/auth-delegate.md):
/// <c>authenticate</c> and <c>authorize</c>, each a JSON POST from the shipped auth file, guarded by the shared secret.
/// Stateless: one instance serves every request.
/// </summary>
internal sealed partial class AuthDelegate
{
    /// <summary>The wire format's version; a request with another one is refused with 400.</summary>
    public const int WireVersion = 1;

    /// <summary>The header the auth file sends the shared secret in.</summary>
    public const string SecretHeader = "X-LangGraph-Auth-Delegate-Secret";

    /// <summary>The largest request body accepted (a run's value carries its input), in bytes.</summary>
    public const long MaxBodySize = 10 * 1024 * 1024;

    private const string StudioSchemeHeader = "x-auth-scheme";

    private readonly Auth _auth;
    private readonly byte[] _secretHash;
    private readonly ILogger _logger;

    public AuthDelegate(Auth auth, IOptions<LangGraphAuthDelegateOptions> options, ILogger<AuthDelegate> logger)
    {
        _auth = auth;
        _secretHash = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.Secret!));
        _logger = logger;
    }

    /// <summary><c>POST {pattern}/authenticate</c>: the request's method, path, headers and query → the user, or the denial.</summary>
    public async Task AuthenticateAsync(HttpContext context)
    {
        using var document = await ReadAsync(context).ConfigureAwait(false);
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        if (!TryString(root, "method", out var method) || !TryString(root, "path", out var path) || !path.StartsWith('/'))
        {
            await WriteProblemAsync(context, 400, "authenticate needs \"method\" and \"path\" (starting with /).").ConfigureAwait(false);
            return;
        }

        var request = new AuthRequest(method, path)
        {
            Headers = Strings(root, "headers", skip: StudioSchemeHeader),
            QueryParams = Strings(root, "query", skip: null),
        };
        IAuthUser? user;
        try
        {
            user = await _auth.AuthenticateAsync(request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (AuthHttpException denial)
        {
            await WriteDenialAsync(context, denial).ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            LogHandlerFailed(_logger, "authenticate", ex);
            await WriteDenialAsync(context, new AuthHttpException(500)).ConfigureAwait(false);
            return;
        }

        if (user is null)
        {
            LogNoAuthenticateHandler(_logger);
            await WriteDenialAsync(context, new AuthHttpException(500)).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, 200, writer =>
        {
            writer.WritePropertyName("user");
            AuthConfigurable.UserToJson(user).WriteTo(writer);
        }).ConfigureAwait(false);
    }

    /// <summary><c>POST {pattern}/authorize</c>: user, resource, action and value → the value as the handler left it and the filter, or the denial.</summary>
    public async Task AuthorizeAsync(HttpContext context)
    {
        using var document = await ReadAsync(context).ConfigureAwait(false);
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        if (!TryString(root, "resource", out var resource) || !TryString(root, "action", out var action) ||
            !root.TryGetProperty("user", out var userJson) || userJson.ValueKind != JsonValueKind.Object ||
            !root.TryGetProperty("value", out var valueJson) || valueJson.ValueKind != JsonValueKind.Object)
        {
            await WriteProblemAsync(context, 400, "authorize needs \"user\" and \"value\" objects, \"resource\" and \"action\".").ConfigureAwait(false);
            return;
        }

        MinimalUserDict user;
        object value;
        try
        {
            user = MinimalUserDict.Parse(userJson.GetRawText());
            value = DelegateValues.Read(resource, action, JsonObject.Create(valueJson)!);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            await WriteProblemAsync(context, 400, ex is JsonException ? "\"user\" must have a string \"identity\"." : $"\"{resource}:{action}\" is not an auth event.").ConfigureAwait(false);
            return;
        }

        var before = DelegateValues.Write(value);
        AuthFilter? filter;
        try
        {
            filter = await _auth.AuthorizeAsync(user, resource, action, value, context.RequestAborted).ConfigureAwait(false);
        }
        catch (AuthHttpException denial)
        {
            await WriteDenialAsync(context, denial).ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            LogHandlerFailed(_logger, $"{resource}:{action}", ex);
            await WriteDenialAsync(context, new AuthHttpException(500)).ConfigureAwait(false);
            return;
        }

        var after = DelegateValues.Write(value);
        var changed = DelegateValues.Changed(before, after);
        await WriteAsync(context, 200, writer =>
        {
            writer.WritePropertyName("value");
            after.WriteTo(writer);
            writer.WriteStartArray("changed");
            foreach (var name in changed)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("filter");
            if (filter is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                filter.WriteTo(writer);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Checks the secret (constant time), the content and the version; answers the problem and returns null when one fails.</summary>
    private async Task<JsonDocument?> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HasSecret(request.Headers[SecretHeader].ToString()))
        {
            context.Response.Headers.WWWAuthenticate = "LangGraph-Auth-Delegate";
            await WriteProblemAsync(context, 401, "Unauthorized").ConfigureAwait(false);
            return null;
        }

        if (request.ContentLength > MaxBodySize)
        {
            await WriteProblemAsync(context, 413, "Payload Too Large").ConfigureAwait(false);
            return null;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            await WriteProblemAsync(context, 400, "The body must be a JSON object.").ConfigureAwait(false);
            return null;
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version) ||
            version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != WireVersion)
        {
            document.Dispose();
            await WriteProblemAsync(context, 400, $"Unsupported wire format: this endpoint speaks version {WireVersion}; update the auth file or the package.").ConfigureAwait(false);
            return null;
        }

        return document;
    }

    private bool HasSecret(string sent)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(sent), hash);
        return CryptographicOperations.FixedTimeEquals(hash, _secretHash) & sent.Length > 0;
    }

    private static bool TryString(JsonElement root, string name, out string value)
    {
        value = root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString()! : string.Empty;
        return value.Length > 0;
    }

    private static Dictionary<string, string> Strings(JsonElement root, string name, string? skip)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty(name, out var map) && map.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in map.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String && !string.Equals(property.Name, skip, StringComparison.OrdinalIgnoreCase))
                {
                    result[property.Name] = property.Value.GetString()!;
                }
            }
        }

        return result;
    }

    private static Task WriteDenialAsync(HttpContext context, AuthHttpException denial) => WriteAsync(context, 200, writer =>
    {
        writer.WriteStartObject("denial");
        writer.WriteNumber("status", denial.StatusCode);
        writer.WriteString("detail", denial.Detail);
        writer.WriteStartObject("headers");
        foreach (var (name, value) in denial.Headers)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    private static Task WriteProblemAsync(HttpContext context, int status, string detail) =>
        WriteAsync(context, status, writer => writer.WriteString("detail", detail));

    private static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> body)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", WireVersion);
            body(writer);
            writer.WriteEndObject();
        }

        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, CancellationToken.None).ConfigureAwait(false);
    }

    [LoggerMessage(1, LogLevel.Error, "The auth delegate's {Call} handler threw; the LangGraph server answers 500.")]
    private static partial void LogHandlerFailed(ILogger logger, string call, Exception exception);

    [LoggerMessage(2, LogLevel.Error, "The auth delegate has no [Authenticate] handler; every request is refused with 500. Register one on the Auth passed to AddLangGraphAuth.")]
    private static partial void LogNoAuthenticateHandler(ILogger logger);
}
