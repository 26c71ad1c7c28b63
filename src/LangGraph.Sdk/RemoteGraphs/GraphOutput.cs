using System.Collections.Generic;
using System.Text.Json;
using LangGraph.Sdk.Serialization;
using LangGraph.Sdk.Streaming;

namespace LangGraph.Sdk;

/// <summary>
/// What a remote graph run ended with, split as Python's <c>GraphOutput</c> (v2): the state values, and the interrupts the
/// graph is waiting on (resume them with a <see cref="RunCommand"/>).
/// </summary>
public sealed record GraphOutput
{
    /// <summary>Gets the final state values, without the <c>__interrupt__</c> entry; a JSON null when the run sent none.</summary>
    public JsonElement Value { get; init; }

    /// <summary>Gets the interrupts pending when the run stopped; empty when it finished.</summary>
    public IReadOnlyList<Interrupt> Interrupts { get; init => field = value ?? []; } = [];

    /// <summary>Gets whether the run stopped at an interrupt.</summary>
    public bool IsInterrupted => Interrupts.Count > 0;

    /// <summary>Splits state values (as <see cref="RemoteGraph.InvokeAsync(object?, RunConfig?, RemoteGraphInvokeOptions?, System.Threading.CancellationToken)"/> returns them) into values and interrupts.</summary>
    /// <param name="values">The state values, possibly with an <c>__interrupt__</c> entry.</param>
    /// <returns>The output.</returns>
    public static GraphOutput FromValues(JsonElement values)
    {
        return values.ValueKind == JsonValueKind.Object && values.TryGetProperty(InterruptData.Key, out _)
            ? new GraphOutput { Value = JsonValues.Without(values, InterruptData.Key), Interrupts = InterruptData.Read(values) }
            : new GraphOutput { Value = values };
    }
}
