using System;
using System.Collections.Generic;
using System.Globalization;

namespace LangGraph.Sdk;

/// <summary>
/// How the client retries failed requests. Retries use exponential backoff with jitter and honour <c>Retry-After</c>.
/// </summary>
/// <remarks>
/// <para>A connection that could not be established is retried for every method, because the server never saw the request.</para>
/// <para>
/// A 408, 429 or 5xx response, or a connection lost after the request was sent, is retried only for idempotent methods
/// (GET, PUT, DELETE, HEAD, OPTIONS): a POST that reached the server (a run, a thread) is never sent twice.
/// Other 4xx responses (400–407, 409, 422, …) are never retried.
/// </para>
/// </remarks>
public sealed class LangGraphRetryOptions
{
    /// <summary>Gets or sets whether retries are on at all.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets how many times a request is retried after its first attempt.</summary>
    /// <value>The default value is 4 (up to five attempts, as the JS SDK). Range 0 to 20.</value>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>Gets or sets the delay before the first retry; later delays double.</summary>
    /// <value>The default value is 500 milliseconds.</value>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets or sets the longest backoff delay between two attempts.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets whether backoff delays are randomised (decorrelated jitter).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool UseJitter { get; set; } = true;

    /// <summary>
    /// Gets or sets the longest <c>Retry-After</c> the client waits for. A server asking for a longer wait gets no retry:
    /// the error is raised at once.
    /// </summary>
    /// <value>The default value is 60 seconds.</value>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Gets or sets how many times in a row a dropped event stream is resumed (<c>GET</c> of the stream's <c>Location</c>
    /// with <c>Last-Event-ID</c>) before the stream fails. The count starts again after each reconnect that delivers an
    /// event. Reconnects wait <see cref="BaseDelay"/>, doubling up to <see cref="MaxDelay"/>. 0 turns reconnects off.
    /// Independent of <see cref="Enabled"/>: a reconnect never creates a new run.
    /// </summary>
    /// <value>The default value is 5, as the Python and JS SDKs. Range 0 to 50.</value>
    public int MaxStreamReconnects { get; set; } = 5;

    internal void AddValidationErrors(List<string> errors)
    {
        if (MaxStreamReconnects is < 0 or > 50)
        {
            errors.Add($"LangGraphClientOptions.Retry.MaxStreamReconnects must be between 0 and 50, but was {MaxStreamReconnects}.");
        }

        if (MaxRetryAttempts is < 0 or > 20)
        {
            errors.Add($"LangGraphClientOptions.Retry.MaxRetryAttempts must be between 0 and 20, but was {MaxRetryAttempts}.");
        }

        if (BaseDelay < TimeSpan.Zero || BaseDelay > TimeSpan.FromDays(1))
        {
            errors.Add($"LangGraphClientOptions.Retry.BaseDelay must be between zero and one day, but was {Format(BaseDelay)}.");
        }

        if (MaxDelay <= TimeSpan.Zero || MaxDelay > TimeSpan.FromDays(1))
        {
            errors.Add($"LangGraphClientOptions.Retry.MaxDelay must be positive and at most one day, but was {Format(MaxDelay)}.");
        }

        if (MaxRetryAfter < TimeSpan.Zero || MaxRetryAfter > TimeSpan.FromDays(1))
        {
            errors.Add($"LangGraphClientOptions.Retry.MaxRetryAfter must be between zero and one day, but was {Format(MaxRetryAfter)}.");
        }
    }

    internal void CopyTo(LangGraphRetryOptions target)
    {
        target.Enabled = Enabled;
        target.MaxRetryAttempts = MaxRetryAttempts;
        target.BaseDelay = BaseDelay;
        target.MaxDelay = MaxDelay;
        target.UseJitter = UseJitter;
        target.MaxRetryAfter = MaxRetryAfter;
        target.MaxStreamReconnects = MaxStreamReconnects;
    }

    /// <summary>
    /// The client's one backoff: the delay before retry, reconnect or resume number <paramref name="attempt"/> (1-based),
    /// doubling from BaseDelay, capped at MaxDelay, with jitter. The retry pipeline (without Retry-After), stream resumes and
    /// long-poll reconnects all wait this long.
    /// </summary>
    internal TimeSpan ReconnectDelay(int attempt)
    {
        var ticks = Math.Min(BaseDelay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 30)), MaxDelay.Ticks);
        if (UseJitter)
        {
            ticks = (ticks / 2) + (Random.Shared.NextDouble() * ticks / 2);
        }

        return TimeSpan.FromTicks((long)ticks);
    }

    private static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
