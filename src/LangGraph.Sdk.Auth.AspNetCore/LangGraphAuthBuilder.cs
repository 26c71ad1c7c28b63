using System;
using LangGraph.Sdk.Auth.AspNetCore.Delegate;
using LangGraph.Sdk.Auth.AspNetCore.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LangGraph.Sdk.Auth.AspNetCore;

/// <summary>
/// Configures how the <see cref="Auth"/> registered by <c>AddLangGraphAuth</c> is hosted. Returned by
/// <c>services.AddLangGraphAuth(…)</c>; chain <see cref="AddGateway"/> and then call <c>app.MapLangGraphAuthGateway()</c>, or
/// <see cref="AddDelegate"/> and then <c>app.MapLangGraphAuthDelegate("/langgraph-auth")</c>.
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

    /// <summary>
    /// Adds the delegate endpoint: a LangGraph server that runs custom auth itself (managed Platform, Enterprise) runs
    /// the shipped auth file (<c>auth-delegate.mjs</c> or <c>auth_delegate.py</c>), which hands every authenticate and
    /// authorize call to <c>MapLangGraphAuthDelegate(pattern)</c>, where the <see cref="Auth"/> runs. The options are
    /// validated when the host starts.
    /// </summary>
    /// <param name="configure">Sets the options; <see cref="LangGraphAuthDelegateOptions.Secret"/> is required.</param>
    /// <returns>This builder, for chaining.</returns>
    public virtual LangGraphAuthBuilder AddDelegate(Action<LangGraphAuthDelegateOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.AddOptions<LangGraphAuthDelegateOptions>().Configure(configure).ValidateOnStart();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LangGraphAuthDelegateOptions>, DelegateOptionsValidator>());
        Services.TryAddSingleton<AuthDelegate>();
        return this;
    }
}
