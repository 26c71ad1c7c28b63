using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace LangGraph.Sdk.Auth.AspNetCore.Gateway;

/// <summary>
/// The gateway's request pipeline: canonical path, strict body, the engine's decision, the filter's enforcement, then
/// YARP. Stateless: one instance serves every request.
/// </summary>
internal sealed class AuthGateway : IDisposable
{
    private static readonly GatewayError WebSocketRefused =
        new(400, "Upgraded connections (WebSockets) are not proxied by the auth gateway: send protocol commands with POST /threads/{thread_id}/commands");

    private readonly LangGraphAuthGatewayOptions _options;
    private readonly GatewayEngine _engine;
    private readonly UpstreamReader _reader;
    private readonly IHttpForwarder _forwarder;
    private readonly HttpMessageInvoker _upstream;
    private readonly string _destinationPrefix;
    private readonly ForwarderRequestConfig _requestConfig;

    public AuthGateway(Auth auth, IOptions<LangGraphAuthGatewayOptions> options, IHttpForwarder forwarder)
    {
        _options = options.Value;
        _forwarder = forwarder;
        _destinationPrefix = _options.Upstream!.AbsoluteUri.TrimEnd('/');
        _requestConfig = new ForwarderRequestConfig { ActivityTimeout = _options.UpstreamActivityTimeout };
        _upstream = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = TimeSpan.FromSeconds(15),
            ActivityHeadersPropagator = new ReverseProxyPropagator(DistributedContextPropagator.Current),
        });
        _reader = new UpstreamReader(_upstream, _destinationPrefix, _options.UpstreamHeaders);
        _engine = new GatewayEngine(auth, _options.AllowStudioUsers, _reader);
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var cancellationToken = context.RequestAborted;
        if (!CanonicalPath.TryResolve(request, out var match, out var path, out var pathError))
        {
            await GatewayResponses.WriteErrorAsync(context, pathError, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (context.WebSockets.IsWebSocketRequest || context.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true ||
            request.Headers.ContainsKey("Upgrade"))
        {
            // An upgraded connection's frames (a WebSocket's commands) would reach the upstream unchecked: fail closed.
            await GatewayResponses.WriteErrorAsync(context, WebSocketRefused, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (HasDuplicateQueryKey(request.Query))
        {
            await GatewayResponses.WriteErrorAsync(context, new GatewayError(400, "Duplicate query parameter"), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (match.IsExempt)
        {
            await ForwardAsync(context, new GatewayTransformer(_options, path + request.QueryString, null, false)).ConfigureAwait(false);
            return;
        }

        var (body, bodyError) = await RequestBody.ReadAsync(request, _options.MaxRequestBodySize, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            await GatewayResponses.WriteErrorAsync(context, bodyError!, cancellationToken).ConfigureAwait(false);
            return;
        }

        using (body)
        {
            if (StoreNamespace.FindInvalidLabel(match, body.Root) is { } label)
            {
                // The server validates namespace labels before any auth event runs.
                await GatewayResponses.WriteErrorAsync(context, new GatewayError(422, $"Namespace labels cannot be empty or contain periods. Received: {label}"), cancellationToken).ConfigureAwait(false);
                return;
            }

            var outcome = await _engine.HandleAsync(context, request.Method, path + request.QueryString, body.Root, cancellationToken).ConfigureAwait(false);
            if (!outcome.IsAllowed)
            {
                await GatewayResponses.WriteErrorAsync(context, GatewayError.From(outcome.Denial!), cancellationToken).ConfigureAwait(false);
                return;
            }

            await AuthorizedAsync(context, outcome, path, body.Root, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _upstream.Dispose();

    private async Task AuthorizedAsync(HttpContext context, AuthOutcome outcome, string path, JsonElement? original, CancellationToken cancellationToken)
    {
        var query = BodyRewriter.StoreGetQuery(outcome, context.Request.Query) ?? context.Request.QueryString.Value ?? string.Empty;
        var plan = FilterPlanner.Plan(outcome, original);
        var body = outcome.Route.Route is null ? BodyRewriter.ToNode(original) : BodyRewriter.Apply(BodyRewriter.ToNode(original), outcome);
        FilterPlan? responseCheck = null;
        var stripMetadata = false;
        switch (plan?.Step)
        {
            case FilterStep.Refuse:
                await GatewayResponses.WriteErrorAsync(context, plan.NotMatching, cancellationToken).ConfigureAwait(false);
                return;
            case FilterStep.PreRead:
                var error = await PreReadAsync(plan, cancellationToken).ConfigureAwait(false);
                if (error is not null)
                {
                    await GatewayResponses.WriteErrorAsync(context, error, cancellationToken).ConfigureAwait(false);
                    return;
                }

                break;
            case FilterStep.PushSearch or FilterStep.PushCount:
                var search = body as JsonObject ?? new JsonObject();
                body = search;
                if (!SearchFilter.TryPush(search, plan.Filter))
                {
                    await GatewayResponses.WriteJsonAsync(context, 200, SearchFilter.EmptyAnswer(plan.Step), cancellationToken).ConfigureAwait(false);
                    return;
                }

                if (plan.Step == FilterStep.PushSearch)
                {
                    stripMetadata = SearchFilter.EnsureMetadataSelected(search);
                    responseCheck = plan;
                }

                break;
            case FilterStep.CheckResponse or FilterStep.FilterResponseList:
                responseCheck = plan;
                break;
        }

        if (body is not null)
        {
            // The checked body replaces the client's: YARP forwards HttpContext.Request, re-serialised, with its length.
            var bytes = BodyRewriter.Serialize(body);
            var request = context.Request;
            request.Headers.Remove("Transfer-Encoding");
            request.Body = new System.IO.MemoryStream(bytes, writable: false);
            request.ContentLength = bytes.Length;
            request.ContentType = "application/json";
            context.Features.Set<IHttpRequestBodyDetectionFeature>(HasBody.Instance);
        }

        await ForwardAsync(context, new GatewayTransformer(_options, path + query, responseCheck, stripMetadata)).ConfigureAwait(false);
    }

    /// <summary>Reads the resource upstream and checks its metadata; an absent resource is left to the upstream to answer.</summary>
    private async Task<GatewayError?> PreReadAsync(FilterPlan plan, CancellationToken cancellationToken)
    {
        var (status, json) = await _reader.GetAsync(plan.ReadPathAndQuery!, cancellationToken).ConfigureAwait(false);
        if (status == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (json is null)
        {
            return new GatewayError(502, "Bad Gateway: the upstream could not be read to check the resource");
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return plan.Matches(document.RootElement) ? null : plan.NotMatching;
        }
        catch (JsonException)
        {
            return new GatewayError(502, "Bad Gateway: the upstream answered a read with something other than JSON");
        }
    }

    private async Task ForwardAsync(HttpContext context, GatewayTransformer transformer)
    {
        var error = await _forwarder.SendAsync(context, _destinationPrefix, _upstream, _requestConfig, transformer).ConfigureAwait(false);
        if (error != ForwarderError.None && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var status = context.Response.StatusCode >= 500 ? context.Response.StatusCode : 502;
            await GatewayResponses.WriteErrorAsync(context, new GatewayError(status, "Bad Gateway"), context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>Tells YARP the request has a body now, even when the client sent none (a create the handler stamped).</summary>
    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public static readonly HasBody Instance = new();

        public bool CanHaveBody => true;
    }

    private static bool HasDuplicateQueryKey(IQueryCollection query)
    {
        foreach (var (_, values) in query)
        {
            if (values.Count > 1)
            {
                return true;
            }
        }

        return false;
    }
}
