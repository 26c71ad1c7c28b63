using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace LangGraph.Sdk.RemoteGraphs;

/// <summary>Thread states converted to snapshots whose checkpoints are configs (<c>_create_state_snapshot</c>).</summary>
internal static partial class RemoteGraphConfig
{
    /// <summary>Converts a thread state into a snapshot whose checkpoints are configs (Python's <c>_create_state_snapshot</c>).</summary>
    public static StateSnapshot ToSnapshot(ThreadState state)
    {
        var tasks = new List<StateTask>(state.Tasks.Count);
        var interrupts = new List<Interrupt>();
        foreach (var task in state.Tasks)
        {
            interrupts.AddRange(task.Interrupts);
            tasks.Add(new StateTask
            {
                Id = task.Id,
                Name = task.Name,
                Path = task.Path,
                Error = task.Error,
                Interrupts = task.Interrupts,
                State = task.State is { } sub ? ToSnapshot(sub) : null,
                StateConfig = FromCheckpoint(task.Checkpoint),
                Result = task.Result,
            });
        }

        // Python collects the interrupts from the tasks. The server also lists them at the top (the same ones, with ids,
        // or without on servers before LangGraph 0.6); one is added from there only when no task reports it.
        var fromTasks = interrupts.Count;
        foreach (var interrupt in state.Interrupts)
        {
            if (!interrupts.Take(fromTasks).Any(known => SameInterrupt(known, interrupt)))
            {
                interrupts.Add(interrupt);
            }
        }

        return new StateSnapshot
        {
            Values = state.Values,
            Next = state.Next,
            Config = FromCheckpoint(state.Checkpoint) ?? new RunConfig(),
            Metadata = state.Metadata,
            CreatedAt = state.CreatedAt,
            ParentConfig = FromCheckpoint(state.ParentCheckpoint),
            Tasks = tasks,
            Interrupts = interrupts,
        };
    }

    private static bool SameInterrupt(Interrupt a, Interrupt b) =>
        a.Id is not null || b.Id is not null
            ? string.Equals(a.Id, b.Id, StringComparison.Ordinal)
            : Raw(a.Value) == Raw(b.Value) && Raw(a, "ns") == Raw(b, "ns") && Raw(a, "when") == Raw(b, "when");

    private static string Raw(JsonElement value) => value.ValueKind == JsonValueKind.Undefined ? string.Empty : value.GetRawText();

    private static string Raw(Interrupt interrupt, string name) =>
        interrupt.AdditionalProperties is { } extra && extra.TryGetValue(name, out var value) ? value.GetRawText() : string.Empty;
}
