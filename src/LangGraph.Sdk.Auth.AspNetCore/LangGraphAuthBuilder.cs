using System;
using LangGraph.Sdk.Auth.AspNetCore.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LangGraph.Sdk.Auth.AspNetCore;

/// <summary>
/// Configures how the <see cref="Auth"/> registered by <c>AddLangGraphAuth</c> is hosted. Returned by
/// <c>services.AddLangGraphAuth(…)</c>; chain <see cref="AddGateway"/> and then call <c>app.MapLangGraphAuthGateway()</c>.
/// </summary>
/// <remarks>
/// <code>
/// builder.Services.AddLangGraphAuth&lt;MyAuth&gt;()
///     .AddGateway(o => o.Upstream = new Uri("http://127.0.0.1:8123"));
/// </code>
/// </remarks>
public class LangGraphAuthBuilder
{
    /// <summary>Creates a builder over a service collection.</summary>
    /// <param name="services">The service collection the <see cref="Auth"/> is registered in.</param>
    protected internal LangGraphAuthBuilder(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Services = services;
    }

    /// <summary>Gets the service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Adds the gateway: every request that <c>MapLangGraphAuthGateway()</c> receives is classified, authenticated and
    /// authorized by the <see cref="Auth"/>, then proxied (YARP) to <see cref="LangGraphAuthGatewayOptions.Upstream"/>.
    /// The options are validated when the host starts.
    /// </summary>
    /// <param name="configure">Sets the options; <see cref="LangGraphAuthGatewayOptions.Upstream"/> is required.</param>
    /// <returns>This builder, for chaining.</returns>
    public virtual LangGraphAuthBuilder AddGateway(Action<LangGraphAuthGatewayOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.AddHttpForwarder();
        Services.AddOptions<LangGraphAuthGatewayOptions>().Configure(configure).ValidateOnStart();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LangGraphAuthGatewayOptions>, GatewayOptionsValidator>());
        Services.TryAddSingleton<AuthGateway>();
        return this;
    }
}
