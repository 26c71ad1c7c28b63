using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using LangGraph.Sdk.Http;

namespace LangGraph.Sdk;

/// <summary>
/// Settings for a <see cref="LangGraphClient"/>: where the server is, which credentials and headers to send,
/// how long to wait and how to retry.
/// </summary>
/// <remarks>
/// The client copies these settings when it is constructed; changing the options object afterwards does not
/// affect a client that already exists.
/// </remarks>
public sealed class LangGraphClientOptions
{
    /// <summary>The API URL used when none is given: <c>http://localhost:8123</c>, as in the Python and JS SDKs.</summary>
    public static Uri DefaultApiUrl { get; } = new("http://localhost:8123");

    /// <summary>The environment variables read, in this order, for an API key when <see cref="ApiKey"/> is null.</summary>
    public static IReadOnlyList<string> ApiKeyEnvironmentVariables { get; } = ["LANGGRAPH_API_KEY", "LANGSMITH_API_KEY", "LANGCHAIN_API_KEY"];

    /// <summary>Creates options with every default in place.</summary>
    public LangGraphClientOptions()
    {
    }

    /// <summary>Gets or sets the base URL of the LangGraph server.</summary>
    /// <value>The default value is <c>http://localhost:8123</c>. The dev server started by <c>langgraph dev</c> listens on port 2024.</value>
    public Uri ApiUrl { get; set; } = DefaultApiUrl;

    /// <summary>Gets or sets the API key, sent as the <c>x-api-key</c> header.</summary>
    /// <value>
    /// The default value is <see langword="null"/>: when <see cref="ReadApiKeyFromEnvironment"/> is true the first non-empty of
    /// <c>LANGGRAPH_API_KEY</c>, <c>LANGSMITH_API_KEY</c> and <c>LANGCHAIN_API_KEY</c> is used, trimmed and with one pair of
    /// surrounding quotes removed.
    /// </value>
    public string? ApiKey { get; set; }

    /// <summary>Gets or sets whether a null <see cref="ApiKey"/> falls back to the environment variables.</summary>
    /// <value>The default value is <see langword="true"/>. Set it to false to send no key at all (Python's <c>api_key=None</c>).</value>
    public bool ReadApiKeyFromEnvironment { get; set; } = true;

    /// <summary>
    /// Gets the headers sent on every request, such as <c>Authorization: Bearer …</c>. Keys are case-insensitive.
    /// Per-call headers (the <c>Headers</c> of each method's options) win over these.
    /// </summary>
    /// <remarks>Setting <c>x-api-key</c> here throws an <see cref="ArgumentException"/>: use <see cref="ApiKey"/>.</remarks>
    public IDictionary<string, string> DefaultHeaders { get; } = new HeaderDictionary();

    /// <summary>Gets or sets how long one call may take, retries included. Streams are not subject to it.</summary>
    /// <value>The default value is five minutes. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> means no limit.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets the retry settings (Polly-based).</summary>
    public LangGraphRetryOptions Retry { get; } = new();

    /// <summary>
    /// Gets or sets the serializer options used for user payloads: inputs, metadata values, state values and any
    /// other <see cref="object"/>-typed value you pass in.
    /// </summary>
    /// <value>
    /// The default value is <see langword="null"/>: <see cref="LangGraphJsonUtilities.DefaultOptions"/> (snake_case property names,
    /// reflection-based for your own types where reflection is enabled). For Native AOT, give options whose
    /// <see cref="JsonSerializerOptions.TypeInfoResolver"/> knows your types.
    /// </value>
    public JsonSerializerOptions? JsonSerializerOptions { get; set; }

    /// <summary>The default of <see cref="MaxStreamEventSize"/>: 16 MB.</summary>
    public const int DefaultMaxStreamEventSize = 16 * 1024 * 1024;

    /// <summary>
    /// Gets or sets the largest server-sent event a stream accepts, in bytes (its <c>event:</c>, <c>data:</c> and
    /// <c>id:</c> lines together). A larger event stops the stream with a <see cref="LangGraphException"/> instead of
    /// being buffered whole.
    /// </summary>
    /// <value>The default value is 16 MB (<see cref="DefaultMaxStreamEventSize"/>), far above real events. At least 1024.</value>
    public int MaxStreamEventSize { get; set; } = DefaultMaxStreamEventSize;

    /// <summary>
    /// Gets or sets a product token appended to the <c>User-Agent</c> header, for example <c>"my-app/1.2"</c>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: the header is <c>langgraph-sdk-dotnet/&lt;version&gt;</c>.</value>
    public string? UserAgent { get; set; }

    /// <summary>
    /// Checks the options and returns one message per problem found; an empty list means they are valid.
    /// </summary>
    /// <returns>The problems found, each naming the option at fault.</returns>
    public IReadOnlyList<string> GetValidationErrors()
    {
        var errors = new List<string>();
        if (ApiUrl is null)
        {
            errors.Add("LangGraphClientOptions.ApiUrl must not be null.");
        }
        else if (!ApiUrl.IsAbsoluteUri || (ApiUrl.Scheme != Uri.UriSchemeHttp && ApiUrl.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"LangGraphClientOptions.ApiUrl must be an absolute http or https URL, but was '{ApiUrl.OriginalString}'.");
        }
        else if (!string.IsNullOrEmpty(ApiUrl.Query) || !string.IsNullOrEmpty(ApiUrl.Fragment))
        {
            errors.Add("LangGraphClientOptions.ApiUrl must not contain a query string or a fragment.");
        }
        else if (!string.IsNullOrEmpty(ApiUrl.UserInfo))
        {
            errors.Add("LangGraphClientOptions.ApiUrl must not contain user info: send credentials with ApiKey or DefaultHeaders.");
        }

        if (Timeout != System.Threading.Timeout.InfiniteTimeSpan && (Timeout <= TimeSpan.Zero || Timeout.TotalMilliseconds > int.MaxValue))
        {
            errors.Add($"LangGraphClientOptions.Timeout must be positive (and at most {int.MaxValue} ms) or Timeout.InfiniteTimeSpan, but was {Timeout.ToString("c", CultureInfo.InvariantCulture)}.");
        }

        if (ApiKey is not null && ContainsLineBreak(ApiKey))
        {
            errors.Add("LangGraphClientOptions.ApiKey must not contain line breaks.");
        }

        foreach (var header in DefaultHeaders)
        {
            if (!HeaderDictionary.IsValidName(header.Key))
            {
                errors.Add($"LangGraphClientOptions.DefaultHeaders has an invalid header name '{header.Key}'.");
            }
            else if (!HeaderDictionary.IsValidValue(header.Value))
            {
                errors.Add($"LangGraphClientOptions.DefaultHeaders['{header.Key}'] must be a non-null value without line breaks.");
            }
        }

        if (UserAgent is not null && ContainsLineBreak(UserAgent))
        {
            errors.Add("LangGraphClientOptions.UserAgent must not contain line breaks.");
        }

        if (MaxStreamEventSize < 1024)
        {
            errors.Add($"LangGraphClientOptions.MaxStreamEventSize must be at least 1024 bytes, but was {MaxStreamEventSize.ToString(CultureInfo.InvariantCulture)}.");
        }

        Retry.AddValidationErrors(errors);
        return errors;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> that lists every problem when the options are invalid.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public void Validate()
    {
        var errors = GetValidationErrors();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid LangGraphClientOptions: " + string.Join(" ", errors));
        }
    }

    internal LangGraphClientOptions Clone()
    {
        var copy = new LangGraphClientOptions
        {
            ApiUrl = ApiUrl,
            ApiKey = ApiKey,
            ReadApiKeyFromEnvironment = ReadApiKeyFromEnvironment,
            Timeout = Timeout,
            JsonSerializerOptions = JsonSerializerOptions,
            UserAgent = UserAgent,
            MaxStreamEventSize = MaxStreamEventSize,
        };
        foreach (var header in DefaultHeaders)
        {
            copy.DefaultHeaders[header.Key] = header.Value;
        }

        Retry.CopyTo(copy.Retry);
        return copy;
    }

    private static bool ContainsLineBreak(string value) => !HeaderDictionary.IsValidValue(value);
}
