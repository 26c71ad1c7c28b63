using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace LangGraph.Sdk.Auth.AspNetCore.Gateway;

/// <summary>
/// The YARP transform of one forwarded request: the canonical path, the checked body, the upstream's own headers, no
/// method override; and, for a filtered read or list, the check of the answer on the way back.
/// </summary>
internal sealed class GatewayTransformer : HttpTransformer
{
    private static readonly string[] MethodOverrideHeaders = ["X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"];

    private readonly LangGraphAuthGatewayOptions _options;
    private readonly string _pathAndQuery;
    private readonly FilterPlan? _responseCheck;
    private readonly bool _stripMetadata;

    public GatewayTransformer(LangGraphAuthGatewayOptions options, string pathAndQuery, FilterPlan? responseCheck, bool stripMetadata)
    {
        _options = options;
        _pathAndQuery = pathAndQuery;
        _responseCheck = responseCheck;
        _stripMetadata = stripMetadata;
    }

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken).ConfigureAwait(false);
        proxyRequest.RequestUri = new Uri(destinationPrefix.TrimEnd('/') + _pathAndQuery, UriKind.Absolute);

        var headers = proxyRequest.Headers;
        foreach (var name in MethodOverrideHeaders)
        {
            headers.Remove(name);
        }

        if (!_options.AllowStudioUsers)
        {
            headers.Remove(GatewayEngine.StudioSchemeHeader);
        }

        if (_options.StripClientCredentials)
        {
            foreach (var name in _options.ClientCredentialHeaders)
            {
                headers.Remove(name);
            }
        }

        if (_responseCheck is not null)
        {
            // The answer is read and checked: ask for it uncompressed.
            headers.AcceptEncoding.Clear();
        }

        foreach (var (name, value) in _options.UpstreamHeaders)
        {
            headers.Remove(name);
            headers.TryAddWithoutValidation(name, value);
        }
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        if (_responseCheck is not null && proxyResponse is { IsSuccessStatusCode: true })
        {
            var json = await proxyResponse.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var checkedJson = Check(json);
            if (checkedJson is null)
            {
                await GatewayResponses.WriteErrorAsync(httpContext, _responseCheck.NotMatching, cancellationToken).ConfigureAwait(false);
                return false;
            }

            var replaced = new ByteArrayContent(checkedJson);
            foreach (var header in proxyResponse.Content.Headers)
            {
                if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    replaced.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            proxyResponse.Content = replaced;
        }

        return await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The answer to send on, or null when the resource does not match (a non-JSON answer does not match).</summary>
    private byte[]? Check(byte[] json)
    {
        var plan = _responseCheck!;
        if (plan.Step == FilterStep.CheckResponse)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                return plan.Matches(document.RootElement) ? json : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return FilterMatching.FilterList(json, plan, _stripMetadata);
    }
}
