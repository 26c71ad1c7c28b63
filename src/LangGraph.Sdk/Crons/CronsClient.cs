using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Http;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// Cron jobs: runs the server starts on a schedule (<c>client.Crons</c>; Python's <c>client.crons</c>). Schedules are
/// cron expressions read in UTC unless a time zone is given. Not every server offers crons: the JS dev server
/// (<c>langgraphjs dev</c>) answers 500 <c>Not implemented</c> or 404, which surface as <see cref="LangGraphApiException"/>.
/// Thread-safe.
/// </summary>
public class CronsClient
{
    private readonly LangGraphHttpCore _core;

    /// <summary>For mocking frameworks only: a client created this way has no connection.</summary>
    protected CronsClient()
    {
        _core = null!;
    }

    internal CronsClient(LangGraphHttpCore core) => _core = core;

    /// <summary>Creates a cron job whose runs happen on one thread (<c>POST /threads/{thread_id}/runs/crons</c>).</summary>
    /// <param name="threadId">The thread the runs happen on.</param>
    /// <param name="assistantId">The assistant id or graph name each run uses.</param>
    /// <param name="schedule">The cron expression, for example <c>0 9 * * *</c>; read in UTC unless <see cref="CronRunOptions.Timezone"/> is set.</param>
    /// <param name="options">The run settings, time zone, end time, multitask strategy, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new cron. (Python annotates a <c>Run</c>, but the server returns the cron.)</returns>
    public virtual Task<Cron> CreateForThreadAsync(
        string threadId, string assistantId, string schedule, CronCreateForThreadOptions? options = null, CancellationToken cancellationToken = default)
    {
        var path = "/threads/" + UrlPath.Segment(threadId, nameof(threadId)) + "/runs/crons";
        var body = CreateBody(assistantId, schedule, options, options?.MultitaskStrategy, onRunCompleted: null);
        return _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, path, options) { Operation = "crons.create_for_thread", ThreadId = threadId, AssistantId = assistantId, Body = body },
            LangGraphJsonContext.Default.Cron,
            cancellationToken);
    }

    /// <summary>Creates a cron job whose runs each get a new thread (<c>POST /runs/crons</c>).</summary>
    /// <param name="assistantId">The assistant id or graph name each run uses.</param>
    /// <param name="schedule">The cron expression, for example <c>0 9 * * *</c>; read in UTC unless <see cref="CronRunOptions.Timezone"/> is set.</param>
    /// <param name="options">The run settings, time zone, end time, what happens to each run's thread, multitask strategy, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new cron. (Python annotates a <c>Run</c>, but the server returns the cron.)</returns>
    public virtual Task<Cron> CreateAsync(string assistantId, string schedule, CronCreateOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = CreateBody(assistantId, schedule, options, options?.MultitaskStrategy, options?.OnRunCompleted);
        return _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, "/runs/crons", options) { Operation = "crons.create", AssistantId = assistantId, Body = body },
            LangGraphJsonContext.Default.Cron,
            cancellationToken);
    }

    /// <summary>Deletes a cron job (<c>DELETE /runs/crons/{cron_id}</c>).</summary>
    /// <param name="cronId">The cron id.</param>
    /// <param name="options">Headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the cron is deleted.</returns>
    public virtual Task DeleteAsync(string cronId, CronDeleteOptions? options = null, CancellationToken cancellationToken = default) =>
        _core.SendAsync(new LangGraphRequest(HttpMethod.Delete, CronPath(cronId), options) { Operation = "crons.delete" }, cancellationToken);

    /// <summary>
    /// Updates a cron job (<c>PATCH /runs/crons/{cron_id}</c>). Only what is set is sent; <see cref="CronUpdateOptions.ClearEndTime"/>
    /// sends <c>"end_time": null</c> to remove the end time.
    /// </summary>
    /// <param name="cronId">The cron id.</param>
    /// <param name="options">What to change, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated cron.</returns>
    /// <exception cref="ArgumentException">Both <see cref="CronRunOptions.EndTime"/> and <see cref="CronUpdateOptions.ClearEndTime"/> are set.</exception>
    public virtual Task<Cron> UpdateAsync(string cronId, CronUpdateOptions? options = null, CancellationToken cancellationToken = default)
    {
        var path = CronPath(cronId);
        if (options is { ClearEndTime: true, EndTime: not null })
        {
            throw new ArgumentException("Set either CronUpdateOptions.EndTime or ClearEndTime, not both.", nameof(options));
        }

        var body = options is null ? new CronRequest() : RunFields(options) with
        {
            Schedule = options.Schedule,
            EndTime = options.ClearEndTime ? JsonValues.Null : EndTime(options.EndTime),
            OnRunCompleted = options.OnRunCompleted?.Value,
        };
        return _core.SendAsync(
            new LangGraphRequest(HttpMethod.Patch, path, options) { Operation = "crons.update", Body = Serialize(body) },
            LangGraphJsonContext.Default.Cron,
            cancellationToken);
    }

    /// <summary>Searches cron jobs (<c>POST /runs/crons/search</c>).</summary>
    /// <param name="options">Filters, paging, sorting and selected fields; defaults to the first 10 crons.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The matching crons.</returns>
    public virtual async Task<IReadOnlyList<Cron>> SearchAsync(CronSearchOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CronSearchOptions();
        var filters = new CronSearchRequest
        {
            AssistantId = options.AssistantId,
            ThreadId = options.ThreadId,
            Enabled = options.Enabled,
            Metadata = UserJson.Object(_core.UserJsonOptions, options.Metadata, "metadata"),
        };
        var body = SearchRequest.Paged(filters, options.Limit, options.Offset, options.SortBy?.Value, options.SortOrder, options.Select);
        return await _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, "/runs/crons/search", options) { Operation = "crons.search", Body = JsonSerializer.SerializeToUtf8Bytes(body, LangGraphJsonContext.Default.CronSearchRequest) },
            LangGraphJsonContext.Default.ListCron,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Counts cron jobs (<c>POST /runs/crons/count</c>).</summary>
    /// <param name="options">Filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many crons match.</returns>
    public virtual Task<int> CountAsync(CronCountOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = options is null ? new CronSearchRequest() : new CronSearchRequest
        {
            AssistantId = string.IsNullOrEmpty(options.AssistantId) ? null : options.AssistantId,
            ThreadId = string.IsNullOrEmpty(options.ThreadId) ? null : options.ThreadId,
            Metadata = UserJson.Object(_core.UserJsonOptions, options.Metadata, "metadata"),
        };
        return _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, "/runs/crons/count", options) { Operation = "crons.count", Body = JsonSerializer.SerializeToUtf8Bytes(body, LangGraphJsonContext.Default.CronSearchRequest) },
            LangGraphJsonContext.Default.Int32,
            cancellationToken);
    }

    private static string CronPath(string cronId) => "/runs/crons/" + UrlPath.Segment(cronId, nameof(cronId));

    /// <summary>The body of both create routes: <c>schedule</c> and <c>assistant_id</c>, then the run fields that are set.</summary>
    private byte[] CreateBody(string assistantId, string schedule, CronRunOptions? options, MultitaskStrategy? strategy, OnCompletionBehavior? onRunCompleted)
    {
        ArgumentNullException.ThrowIfNull(assistantId);
        ArgumentNullException.ThrowIfNull(schedule);
        var body = (options is null ? new CronRequest() : RunFields(options)) with
        {
            Schedule = schedule,
            AssistantId = assistantId,
            EndTime = EndTime(options?.EndTime),
            MultitaskStrategy = strategy is { Value.Length: > 0 } s ? s.Value : null,
            OnRunCompleted = onRunCompleted?.Value,
        };
        return Serialize(body);
    }

    private static byte[] Serialize(CronRequest body) => JsonSerializer.SerializeToUtf8Bytes(body, LangGraphJsonContext.Default.CronRequest);

    private static JsonElement? EndTime(DateTimeOffset? endTime) =>
        endTime is { } value ? JsonSerializer.SerializeToElement(value.ToString("O", CultureInfo.InvariantCulture), LangGraphJsonContext.Default.String) : null;

    /// <summary>The run fields every cron route sends when they are set.</summary>
    private CronRequest RunFields(CronRunOptions options)
    {
        var user = _core.UserJsonOptions;
        return new CronRequest
        {
            Input = UserJson.Element(user, options.Input, "input"),
            Config = RunConfigRequest.From(options.Config, user),
            Metadata = UserJson.Object(user, options.Metadata, "metadata"),
            Context = UserJson.Element(user, options.Context, "context"),
            CheckpointDuring = options.CheckpointDuring,
            InterruptBefore = options.InterruptBefore,
            InterruptAfter = options.InterruptAfter,
            Webhook = options.Webhook,
            Enabled = options.Enabled,
            StreamMode = options.StreamMode,
            StreamSubgraphs = options.StreamSubgraphs,
            StreamResumable = options.StreamResumable,
            Durability = options.Durability?.Value,
            Timezone = options.Timezone,
        };
    }
}
