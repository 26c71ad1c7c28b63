using System;
using System.Globalization;
using System.Linq;
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
    /// Registers <see cref="LangGraphClient"/> with options read from a configuration section: <c>ApiUrl</c>, <c>ApiKey</c>,
    /// <c>ReadApiKeyFromEnvironment</c>, <c>Timeout</c> (a TimeSpan such as <c>00:05:00</c>), <c>UserAgent</c>, <c>MaxStreamEventSize</c> (bytes),
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
            Bind(configuration, options);
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

    internal static void Bind(IConfiguration section, LangGraphClientOptions options)
    {
        if (section["ApiUrl"] is { Length: > 0 } apiUrl)
        {
            options.ApiUrl = Uri.TryCreate(apiUrl, UriKind.Absolute, out var uri)
                ? uri
                : throw new OptionsValidationException(HttpClientName, typeof(LangGraphClientOptions), [$"Configuration value ApiUrl '{apiUrl}' is not an absolute URL."]);
        }

        if (section["ApiKey"] is { Length: > 0 } apiKey)
        {
            options.ApiKey = apiKey;
        }

        options.ReadApiKeyFromEnvironment = ReadBool(section, "ReadApiKeyFromEnvironment", options.ReadApiKeyFromEnvironment);
        options.Timeout = ReadTimeSpan(section, "Timeout", options.Timeout);
        if (section["UserAgent"] is { Length: > 0 } userAgent)
        {
            options.UserAgent = userAgent;
        }

        if (section["MaxStreamEventSize"] is { Length: > 0 } maxEvent)
        {
            options.MaxStreamEventSize = int.TryParse(maxEvent, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size)
                ? size
                : throw Invalid("MaxStreamEventSize", maxEvent, "a whole number of bytes");
        }

        foreach (var header in section.GetSection("DefaultHeaders").GetChildren().Where(h => h.Value is not null))
        {
            options.DefaultHeaders[header.Key] = header.Value!;
        }

        var retry = section.GetSection("Retry");
        options.Retry.Enabled = ReadBool(retry, "Enabled", options.Retry.Enabled);
        options.Retry.UseJitter = ReadBool(retry, "UseJitter", options.Retry.UseJitter);
        if (retry["MaxRetryAttempts"] is { Length: > 0 } attempts)
        {
            options.Retry.MaxRetryAttempts = int.TryParse(attempts, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw Invalid("Retry:MaxRetryAttempts", attempts, "a whole number");
        }

        if (retry["MaxStreamReconnects"] is { Length: > 0 } reconnects)
        {
            options.Retry.MaxStreamReconnects = int.TryParse(reconnects, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r)
                ? r
                : throw Invalid("Retry:MaxStreamReconnects", reconnects, "a whole number");
        }

        options.Retry.BaseDelay = ReadTimeSpan(retry, "BaseDelay", options.Retry.BaseDelay);
        options.Retry.MaxDelay = ReadTimeSpan(retry, "MaxDelay", options.Retry.MaxDelay);
        options.Retry.MaxRetryAfter = ReadTimeSpan(retry, "MaxRetryAfter", options.Retry.MaxRetryAfter);
    }

    private static bool ReadBool(IConfiguration section, string key, bool fallback) =>
        section[key] is not { Length: > 0 } text ? fallback
        : bool.TryParse(text, out var value) ? value
        : throw Invalid(key, text, "true or false");

    private static TimeSpan ReadTimeSpan(IConfiguration section, string key, TimeSpan fallback) =>
        section[key] is not { Length: > 0 } text ? fallback
        : string.Equals(text, "Infinite", StringComparison.OrdinalIgnoreCase) ? Timeout.InfiniteTimeSpan
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value
        : throw Invalid(key, text, "a TimeSpan such as 00:05:00");

    private static OptionsValidationException Invalid(string key, string value, string expected) =>
        new(HttpClientName, typeof(LangGraphClientOptions), [$"Configuration value {key} '{value}' is not {expected}."]);

    private sealed class LangGraphClientOptionsValidator : IValidateOptions<LangGraphClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, LangGraphClientOptions options)
        {
            var errors = options.GetValidationErrors();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
