using System;
using System.Diagnostics.CodeAnalysis;
using LangGraph.Sdk.Auth;
using LangGraph.Sdk.Auth.AspNetCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a <see cref="Auth"/> for ASP.NET Core hosting (<c>AddLangGraphAuth</c>).</summary>
public static class LangGraphAuthServiceCollectionExtensions
{
    /// <summary>Registers an <see cref="Auth"/> built by the caller, for example <c>Auth.FromHandlers(new MyAuth())</c>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="auth">The handlers; one instance serves every request.</param>
    /// <returns>The builder: chain <see cref="LangGraphAuthBuilder.AddGateway"/>.</returns>
    /// <exception cref="InvalidOperationException">An <see cref="Auth"/> is already registered.</exception>
    public static LangGraphAuthBuilder AddLangGraphAuth(this IServiceCollection services, Auth auth)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(auth);
        ThrowIfRegistered(services);
        services.AddSingleton(auth);
        return new LangGraphAuthBuilder(services);
    }

    /// <summary>
    /// Registers the handlers class <typeparamref name="THandlers"/> as a singleton (unless it is already registered), so
    /// its constructor can take services, and the <see cref="Auth"/> built from its <c>[Authenticate]</c> and <c>[On]</c>
    /// methods (<see cref="Auth.FromHandlers{T}(IServiceProvider)"/>).
    /// </summary>
    /// <typeparam name="THandlers">The handlers class.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The builder: chain <see cref="LangGraphAuthBuilder.AddGateway"/>.</returns>
    /// <exception cref="InvalidOperationException">An <see cref="Auth"/> is already registered.</exception>
    public static LangGraphAuthBuilder AddLangGraphAuth<[DynamicallyAccessedMembers(HandlerMembers)] THandlers>(this IServiceCollection services)
        where THandlers : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ThrowIfRegistered(services);
        services.TryAddSingleton<THandlers>();
        services.AddSingleton(static sp => Auth.FromHandlers<THandlers>(sp));
        return new LangGraphAuthBuilder(services);
    }

    private const DynamicallyAccessedMemberTypes HandlerMembers =
        DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods | DynamicallyAccessedMemberTypes.PublicConstructors;

    private static void ThrowIfRegistered(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(Auth))
            {
                throw new InvalidOperationException("An Auth is already registered; call AddLangGraphAuth once.");
            }
        }
    }
}
