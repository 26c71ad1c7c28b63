using System;
using System.Net.Http;
using System.Threading;
using LangGraph.Sdk.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LangGraph.Sdk;

/// <summary>Registers <see cref="LangGraphClient"/> in a service collection, on top of <c>IHttpClientFactory</c>.</summary>
public static class LangGraphServiceCollectionExtensions
{
    /// <summary>The name of the HTTP client registered for <see cref="LangGraphClient"/>.</summary>
    public const string HttpClientName = "LangGraph.Sdk";

    /// <summary>
    /// Registers <see cref="LangGraphClient"/> with options set by <paramref name="configure"/>. The options are validated
    /// when the host starts. Returns the HTTP client builder, so handlers can be added (for example a token refresh handler).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the HTTP client the LangGraph client uses.</returns>
    public static IHttpClientBuilder AddLangGraphClient(this IServiceCollection services, Action<LangGraphClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<LangGraphClientOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>
    /// Registers <see cref="LangGraphClient"/> with options bound (by the configuration binder's source generator, AOT-safe) from a configuration section: <c>ApiUrl</c>, <c>ApiKey</c>,
    /// <c>ReadApiKeyFromEnvironment</c>, <c>Timeout</c> (a TimeSpan such as <c>00:05:00</c>, or <c>Infinite</c>), <c>UserAgent</c>, <c>MaxStreamEventSize</c> (bytes),
    /// <c>DefaultHeaders:{name}</c> and <c>Retry:{Enabled|MaxRetryAttempts|BaseDelay|MaxDelay|UseJitter|MaxRetryAfter|MaxStreamReconnects}</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section, for example <c>builder.Configuration.GetSection("LangGraph")</c>.</param>
    /// <param name="configure">Optionally changes the options after they were read.</param>
    /// <returns>The builder of the HTTP client the LangGraph client uses.</returns>
    public static IHttpClientBuilder AddLangGraphClient(this IServiceCollection services, IConfiguration configuration, Action<LangGraphClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LangGraphClientOptions>().Configure(options =>
        {
            LangGraphClientOptionsBinding.Bind(configuration, options);
            configure?.Invoke(options);
        });
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.AddOptions<LangGraphClientOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<LangGraphClientOptions>, LangGraphClientOptionsValidator>();

        // One client per registration, as documented: built once (the environment read and the pipeline set up once) over
        // the factory's handler chain, which includes the handlers added to the returned builder. The handler is kept for
        // the client's life, so the primary handler recycles its connections itself (PooledConnectionLifetime) for DNS changes.
        services.AddSingleton(provider => new LangGraphClient(new LangGraphHttpCore(
            provider.GetRequiredService<IOptions<LangGraphClientOptions>>().Value,
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            hasRetryHandler: true)));
        return services
            .AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The primary handler follows no redirects, as the client's own does: credentials never leave the API's origin.
            .ConfigurePrimaryHttpMessageHandler(LangGraphHttpCore.CreateHandler)
            // The retry handler every LangGraph client has, first in the chain: the handlers added to the returned builder
            // run inside it, once per attempt.
            .AddHttpMessageHandler(provider => new RetryHandler(provider.GetRequiredService<IOptions<LangGraphClientOptions>>().Value, TimeProvider.System))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
    }

    private sealed class LangGraphClientOptionsValidator : IValidateOptions<LangGraphClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, LangGraphClientOptions options)
        {
            var errors = options.GetValidationErrors();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
