using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace LangGraph.Sdk.Benchmarks;

/// <summary>
/// Generates, deterministically, the body of a long LangGraph <c>runs/stream</c> response as the JS server (Hono's
/// <c>writeSSE</c>) writes it: <c>event:</c>, <c>data:</c>, <c>id: N</c> lines with LF line ends and a blank line after
/// each event, stream modes <c>values</c>, <c>updates</c> and <c>messages-tuple</c>.
/// </summary>
/// <remarks>
/// The run is an agent loop: a <c>metadata</c> event, the input state, then steps of the <c>agent</c> node (12 to 24
/// token chunks as <c>messages</c> events, then an <c>updates</c> and a <c>values</c> event), every third agent step
/// followed by a tool call answered by the <c>tools</c> node. The state's <c>messages</c> are trimmed to the last three
/// (as a <c>trim_messages</c> reducer would), so that a <c>values</c> event stays around a kilobyte and the stream
/// averages about 343 bytes per event: 100,000 events are 34,254,353 bytes (87% <c>messages</c>, 6.5% <c>values</c>,
/// 6.5% <c>updates</c>). No <c>end</c> event: the JS server ends the response after the last event.
/// </remarks>
public static class LangGraphEventStream
{
    /// <summary>The number of events the benchmarks stream.</summary>
    public const int DefaultEvents = 100_000;

    private const int StateCap = 3;
    private const string RunId = "1f06b2c4-7d3e-6a10-9c52-3e8f0d1a2b4c";

    private static readonly string[] Tokens =
    [
        "The", " answer", " depends", " on", " the", " graph", "'s", " state", ",", " so", " let", " me", " check",
        " the", " latest", " checkpoint", " first", ".", " Streaming", " keeps", " the", " user", " informed", " while",
        " the", " model", " thinks", ";", " each", " token", " arrives", " as", " its", " own", " event", ".",
    ];

    /// <summary>Builds a stream of <paramref name="events"/> events in memory.</summary>
    /// <param name="events">How many events.</param>
    /// <returns>The UTF-8 bytes of the response body.</returns>
    public static byte[] Build(int events) => Build(events, subgraphs: false);

    /// <summary>
    /// Builds a stream of <paramref name="events"/> events in memory; with <paramref name="subgraphs"/>, every event but
    /// the first <c>metadata</c> comes from a subgraph, named as with <c>stream_subgraphs</c>:
    /// <c>mode|agent:&lt;task id&gt;|tools:&lt;task id&gt;</c>, the task ids changing every 50 events (a new subgraph task).
    /// </summary>
    /// <param name="events">How many events.</param>
    /// <param name="subgraphs">Whether the events carry a subgraph namespace.</param>
    /// <returns>The UTF-8 bytes of the response body.</returns>
    public static byte[] Build(int events, bool subgraphs)
    {
        using var buffer = new MemoryStream(checked(events * 430));
        Write(buffer, events, subgraphs);
        return buffer.ToArray();
    }

    /// <summary>Writes a stream of <paramref name="events"/> events.</summary>
    /// <param name="output">Where to write; left open.</param>
    /// <param name="events">How many events.</param>
    public static void Write(Stream output, int events) => Write(output, events, subgraphs: false);

    /// <summary>Writes a stream of <paramref name="events"/> events, from subgraphs when <paramref name="subgraphs"/>.</summary>
    /// <param name="output">Where to write; left open.</param>
    /// <param name="events">How many events.</param>
    /// <param name="subgraphs">Whether the events carry a subgraph namespace (see <see cref="Build(int, bool)"/>).</param>
    public static void Write(Stream output, int events, bool subgraphs)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var id = 0;
        foreach (var (name, data) in Events())
        {
            if (id == events)
            {
                break;
            }

            writer.Write("event: ");
            writer.Write(name);
            if (subgraphs && id > 0)
            {
                var task = (id / 50).ToString("D12", CultureInfo.InvariantCulture);
                writer.Write("|agent:5b0f2c1e-9d3a-4e7b-8c21-");
                writer.Write(task);
                writer.Write("|tools:a7e4d9c2-1f6b-4a83-9e05-");
                writer.Write(task);
            }

            writer.Write("\ndata: ");
            writer.Write(data);
            writer.Write("\nid: ");
            writer.Write(id.ToString(CultureInfo.InvariantCulture));
            writer.Write("\n\n");
            id++;
        }
    }

    /// <summary>The events of the run, without end.</summary>
    /// <returns>Event names and their JSON data.</returns>
    public static IEnumerable<(string Event, string Data)> Events()
    {
        yield return ("metadata", $"{{\"run_id\":\"{RunId}\",\"attempt\":1}}");

        var state = new List<string> { Human(0) };
        yield return ("values", Values(state));

        for (var step = 1; ; step++)
        {
            // The agent node streams its answer token by token.
            var aiId = Uuid(step, 1);
            var tokenCount = 12 + (step * 5 % 13);
            var content = new StringBuilder();
            var checkpointNs = "agent:" + Uuid(step, 2);
            for (var t = 0; t < tokenCount; t++)
            {
                var token = Tokens[(step * 7 + t) % Tokens.Length];
                content.Append(token);
                var chunk = $"{{\"content\":\"{token}\",\"type\":\"AIMessageChunk\",\"id\":\"run-{aiId}\"}}";
                var metadata = $"{{\"langgraph_step\":{step * 2 - 1},\"langgraph_node\":\"agent\",\"langgraph_triggers\":[\"branch:to:agent\"],\"langgraph_checkpoint_ns\":\"{checkpointNs}\"}}";
                yield return ("messages", $"[{chunk},{metadata}]");
            }

            var callsTool = step % 3 == 0;
            var toolCallId = "call_" + Uuid(step, 3)[..24].Replace("-", string.Empty, StringComparison.Ordinal);
            var toolCalls = callsTool
                ? $"[{{\"name\":\"search\",\"args\":{{\"query\":\"step {step}\"}},\"id\":\"{toolCallId}\",\"type\":\"tool_call\"}}]"
                : "[]";
            var ai = $"{{\"content\":\"{content}\",\"response_metadata\":{{\"finish_reason\":\"{(callsTool ? "tool_calls" : "stop")}\"}},\"type\":\"ai\",\"name\":null,\"id\":\"run-{aiId}\",\"tool_calls\":{toolCalls},\"invalid_tool_calls\":[],\"usage_metadata\":{{\"input_tokens\":{120 + step % 500},\"output_tokens\":{tokenCount},\"total_tokens\":{120 + step % 500 + tokenCount}}}}}";
            yield return ("updates", $"{{\"agent\":{{\"messages\":[{ai}]}}}}");
            Add(state, ai);
            yield return ("values", Values(state));

            if (callsTool)
            {
                var tool = $"{{\"content\":\"Found {step % 17 + 1} results for step {step}.\",\"response_metadata\":{{}},\"type\":\"tool\",\"name\":\"search\",\"id\":\"{Uuid(step, 4)}\",\"tool_call_id\":\"{toolCallId}\",\"status\":\"success\"}}";
                yield return ("updates", $"{{\"tools\":{{\"messages\":[{tool}]}}}}");
                Add(state, tool);
                yield return ("values", Values(state));
            }
        }
    }

    private static string Human(int turn) =>
        $"{{\"content\":\"Question {turn}: summarise the thread so far.\",\"additional_kwargs\":{{}},\"response_metadata\":{{}},\"type\":\"human\",\"name\":null,\"id\":\"{Uuid(turn, 0)}\"}}";

    private static string Values(List<string> state) => $"{{\"messages\":[{string.Join(',', state)}]}}";

    private static void Add(List<string> state, string message)
    {
        state.Add(message);
        if (state.Count > StateCap)
        {
            state.RemoveAt(0);
        }
    }

    private static string Uuid(int step, int kind)
    {
        // A stable, UUID-shaped id per (step, kind): a multiplicative hash spread over the five groups.
        var a = unchecked((uint)(step * 2654435761u) ^ (uint)(kind * 40503));
        var b = unchecked((uint)((step + 1) * 2246822519u) ^ (uint)kind);
        return string.Create(CultureInfo.InvariantCulture, $"{a:x8}-{b & 0xFFFF:x4}-4{(b >> 16) & 0xFFF:x3}-8{a & 0xFFF:x3}-{b:x8}{a >> 16:x4}");
    }
}
