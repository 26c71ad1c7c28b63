using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
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
        using var body = CreateBody(assistantId, schedule, options);
        if (options?.MultitaskStrategy is { Value.Length: > 0 } strategy)
        {
            body.String("multitask_strategy", strategy.Value);
        }

        return _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, path, options) { Body = body.ToArray() },
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
        using var body = CreateBody(assistantId, schedule, options);
        if (options is not null)
        {
            if (options.OnRunCompleted is { } onRunCompleted)
            {
                body.String("on_run_completed", onRunCompleted.Value);
            }

            if (options.MultitaskStrategy is { Value.Length: > 0 } strategy)
            {
                body.String("multitask_strategy", strategy.Value);
            }
        }

        return _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, "/runs/crons", options) { Body = body.ToArray() },
            LangGraphJsonContext.Default.Cron,
            cancellationToken);
    }

    /// <summary>Deletes a cron job (<c>DELETE /runs/crons/{cron_id}</c>).</summary>
    /// <param name="cronId">The cron id.</param>
    /// <param name="options">Headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the cron is deleted.</returns>
    public virtual Task DeleteAsync(string cronId, CronDeleteOptions? options = null, CancellationToken cancellationToken = default) =>
        _core.SendAsync(new LangGraphRequest(HttpMethod.Delete, CronPath(cronId), options), cancellationToken);

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

        using var body = _core.CreateBody();
        if (options is not null)
        {
            if (options.Schedule is not null)
            {
                body.String("schedule", options.Schedule);
            }

            if (options.ClearEndTime)
            {
                body.Writer.WriteNull("end_time");
            }

            WriteRunFields(body, options);
            if (options.OnRunCompleted is { } onRunCompleted)
            {
                body.String("on_run_completed", onRunCompleted.Value);
            }
        }

        return _core.SendAsync(
            new LangGraphRequest(HttpMethod.Patch, path, options) { Body = body.ToArray() },
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
        using var body = _core.CreateBody();
        body.String("assistant_id", options.AssistantId).String("thread_id", options.ThreadId);
        if (options.Enabled is { } enabled)
        {
            body.Boolean("enabled", enabled);
        }

        if (options.Metadata.Count > 0)
        {
            body.Dictionary("metadata", options.Metadata);
        }

        body.Number("limit", options.Limit).Number("offset", options.Offset);
        if (options.SortBy is { Value.Length: > 0 } sortBy)
        {
            body.String("sort_by", sortBy.Value);
        }

        if (options.SortOrder is { Value.Length: > 0 } sortOrder)
        {
            body.String("sort_order", sortOrder.Value);
        }

        if (options.Select.Count > 0)
        {
            body.Strings("select", options.Select);
        }

        return await _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, "/runs/crons/search", options) { Body = body.ToArray() },
            LangGraphJsonContext.Default.ListCron,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Counts cron jobs (<c>POST /runs/crons/count</c>).</summary>
    /// <param name="options">Filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many crons match.</returns>
    public virtual Task<int> CountAsync(CronCountOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var body = _core.CreateBody();
        if (options is not null)
        {
            if (!string.IsNullOrEmpty(options.AssistantId))
            {
                body.String("assistant_id", options.AssistantId);
            }

            if (!string.IsNullOrEmpty(options.ThreadId))
            {
                body.String("thread_id", options.ThreadId);
            }

            if (options.Metadata.Count > 0)
            {
                body.Dictionary("metadata", options.Metadata);
            }
        }

        return _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, "/runs/crons/count", options) { Body = body.ToArray() },
            LangGraphJsonContext.Default.Int32,
            cancellationToken);
    }

    private static string CronPath(string cronId) => "/runs/crons/" + UrlPath.Segment(cronId, nameof(cronId));

    /// <summary>The body of both create routes: <c>schedule</c> and <c>assistant_id</c>, then the run fields that are set.</summary>
    private JsonBody CreateBody(string assistantId, string schedule, CronRunOptions? options)
    {
        ArgumentNullException.ThrowIfNull(assistantId);
        ArgumentNullException.ThrowIfNull(schedule);
        var body = _core.CreateBody();
        body.String("schedule", schedule).String("assistant_id", assistantId);
        if (options is not null)
        {
            WriteRunFields(body, options);
        }

        return body;
    }

    private static void WriteRunFields(JsonBody body, CronRunOptions options)
    {
        if (options.Input is not null)
        {
            body.Value("input", options.Input);
        }

        if (options.Config is { } config)
        {
            body.Config("config", config);
        }

        if (options.Metadata.Count > 0)
        {
            body.Dictionary("metadata", options.Metadata);
        }

        if (options.Context is not null)
        {
            body.Value("context", options.Context);
        }

        if (options.CheckpointDuring is { } checkpointDuring)
        {
            body.Boolean("checkpoint_during", checkpointDuring);
        }

        WriteNodes(body, "interrupt_before", options.InterruptBefore);
        WriteNodes(body, "interrupt_after", options.InterruptAfter);
        body.String("webhook", options.Webhook);
        if (options.EndTime is { } endTime)
        {
            body.String("end_time", endTime.ToString("O", CultureInfo.InvariantCulture));
        }

        if (options.Enabled is { } enabled)
        {
            body.Boolean("enabled", enabled);
        }

        if (options.StreamMode is { } modes)
        {
            body.Strings("stream_mode", modes.Select(m => m.Value));
        }

        if (options.StreamSubgraphs is { } subgraphs)
        {
            body.Boolean("stream_subgraphs", subgraphs);
        }

        if (options.StreamResumable is { } resumable)
        {
            body.Boolean("stream_resumable", resumable);
        }

        if (options.Durability is { } durability)
        {
            body.String("durability", durability.Value);
        }

        body.String("timezone", options.Timezone);
    }

    /// <summary>Writes a node list, or <c>"*"</c> (every node) for the list <c>["*"]</c>, as Python's <c>All | list[str]</c>.</summary>
    private static void WriteNodes(JsonBody body, string name, IReadOnlyList<string>? nodes)
    {
        if (nodes is null)
        {
            return;
        }

        if (nodes is ["*"])
        {
            body.String(name, "*");
        }
        else
        {
            body.Strings(name, nodes);
        }
    }
}
