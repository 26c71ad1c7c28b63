using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LangGraph.Sdk;

/// <summary>
/// The configuration keys of <see cref="LangGraphClientOptions"/>, as a view the configuration binder's source generator binds
/// (no reflection, so trim- and AOT-safe). The view leaves out <see cref="LangGraphClientOptions.JsonSerializerOptions"/>,
/// which configuration cannot express, and writes through to the options it wraps.
/// </summary>
/// <remarks>
/// One rule the binder cannot express is kept as a step of its own: <c>Timeout</c> may be the string <c>Infinite</c>
/// (<see cref="Timeout.InfiniteTimeSpan"/>). Such a section is bound without <c>Timeout</c> (this base view has no such
/// property), and the timeout is set afterwards.
/// </remarks>
internal class LangGraphClientOptionsBinding(LangGraphClientOptions options)
{
    /// <summary>The configuration value of <c>Timeout</c> that means no limit.</summary>
    public const string InfiniteValue = "Infinite";

    // A field, not a property: the binder binds properties only.
    private protected readonly LangGraphClientOptions _options = options;

    public Uri ApiUrl { get => _options.ApiUrl; set => _options.ApiUrl = value; }

    /// <summary>An empty value leaves the key unset (so the environment is still read), as an absent one does.</summary>
    public string? ApiKey { get => _options.ApiKey; set => _options.ApiKey = string.IsNullOrEmpty(value) ? _options.ApiKey : value; }

    public bool ReadApiKeyFromEnvironment { get => _options.ReadApiKeyFromEnvironment; set => _options.ReadApiKeyFromEnvironment = value; }

    public string? UserAgent { get => _options.UserAgent; set => _options.UserAgent = string.IsNullOrEmpty(value) ? _options.UserAgent : value; }

    public int MaxStreamEventSize { get => _options.MaxStreamEventSize; set => _options.MaxStreamEventSize = value; }

    public IDictionary<string, string> DefaultHeaders => _options.DefaultHeaders;

    public LangGraphRetryOptions Retry => _options.Retry;

    /// <summary>
    /// Binds <paramref name="section"/> into <paramref name="options"/>. A value the binder cannot convert becomes an
    /// <see cref="OptionsValidationException"/> naming the key and the value.
    /// </summary>
    public static void Bind(IConfiguration section, LangGraphClientOptions options)
    {
        try
        {
            if (string.Equals(section["Timeout"], InfiniteValue, StringComparison.OrdinalIgnoreCase))
            {
                section.Bind(new LangGraphClientOptionsBinding(options));
                options.Timeout = Timeout.InfiniteTimeSpan;
            }
            else
            {
                section.Bind(new WithTimeout(options));
            }
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the value and the key ("Failed to convert configuration value 'x' at 'Retry:MaxDelay'
            // to type ..."); the parser's, which it wraps, says what was wrong with the value.
            throw new OptionsValidationException(
                LangGraphServiceCollectionExtensions.HttpClientName,
                typeof(LangGraphClientOptions),
                [ex.InnerException is null ? ex.Message : $"{ex.Message} {ex.InnerException.Message}"]);
        }
    }

    /// <summary>The view with <c>Timeout</c>, for a section whose timeout is not <c>Infinite</c>.</summary>
    internal sealed class WithTimeout(LangGraphClientOptions options) : LangGraphClientOptionsBinding(options)
    {
        public TimeSpan Timeout { get => _options.Timeout; set => _options.Timeout = value; }
    }
}
