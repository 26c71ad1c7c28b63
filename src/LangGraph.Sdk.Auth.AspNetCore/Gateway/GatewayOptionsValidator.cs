using System;
using Microsoft.Extensions.Options;

namespace LangGraph.Sdk.Auth.AspNetCore.Gateway;

/// <summary>Validates <see cref="LangGraphAuthGatewayOptions"/> when the host starts.</summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<LangGraphAuthGatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, LangGraphAuthGatewayOptions options)
    {
        if (options.Upstream is null)
        {
            return ValidateOptionsResult.Fail("LangGraphAuthGatewayOptions.Upstream is required: set it to the LangGraph server's URL, for example http://127.0.0.1:8123.");
        }

        if (!options.Upstream.IsAbsoluteUri || (options.Upstream.Scheme != Uri.UriSchemeHttp && options.Upstream.Scheme != Uri.UriSchemeHttps))
        {
            return ValidateOptionsResult.Fail($"LangGraphAuthGatewayOptions.Upstream must be an absolute http or https URI, not \"{options.Upstream.OriginalString}\".");
        }

        if (!string.IsNullOrEmpty(options.Upstream.Query) || !string.IsNullOrEmpty(options.Upstream.Fragment) || !string.IsNullOrEmpty(options.Upstream.UserInfo))
        {
            return ValidateOptionsResult.Fail("LangGraphAuthGatewayOptions.Upstream must have no query, fragment or user info; put credentials in UpstreamHeaders.");
        }

        if (options.MaxRequestBodySize <= 0)
        {
            return ValidateOptionsResult.Fail("LangGraphAuthGatewayOptions.MaxRequestBodySize must be positive.");
        }

        if (options.UpstreamActivityTimeout <= TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail("LangGraphAuthGatewayOptions.UpstreamActivityTimeout must be positive.");
        }

        return ValidateOptionsResult.Success;
    }
}
