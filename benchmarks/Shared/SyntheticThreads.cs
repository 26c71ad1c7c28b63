using System.Globalization;
using System.Text;

namespace LangGraph.Sdk.Benchmarks;

/// <summary>
/// The threads the request benchmarks' servers answer with (the in-memory handler of BenchmarkDotNet and the Node
/// server of the side-by-side run): one thread of about 600 bytes of JSON, as the LangGraph server writes it (metadata,
/// config and values with two messages), and a search result of such threads.
/// </summary>
public static class SyntheticThreads
{
    /// <summary>The id of thread <paramref name="i"/>.</summary>
    /// <param name="i">The thread's number.</param>
    /// <returns>A UUID-shaped id.</returns>
    public static string Id(int i) => "7f1c9a52-3c4e-4a57-9d0b-" + i.ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>Thread <paramref name="i"/> as the server sends it: about 600 bytes of JSON.</summary>
    /// <param name="i">The thread's number.</param>
    /// <returns>The thread's JSON.</returns>
    public static string ThreadJson(int i) =>
        "{\"thread_id\":\"" + Id(i) + "\"," +
        "\"created_at\":\"2026-11-30T10:15:42.123456+00:00\",\"updated_at\":\"2026-11-30T10:16:03.654321+00:00\"," +
        "\"metadata\":{\"owner\":\"alice\",\"graph_id\":\"agent\",\"assistant_id\":\"fe096781-5601-53d2-b2f6-0d3403f7e9ca\",\"source\":\"bench\"}," +
        "\"status\":\"idle\",\"config\":{\"configurable\":{\"user_id\":\"alice\",\"model\":\"scripted\"}}," +
        "\"values\":{\"messages\":[{\"type\":\"human\",\"content\":\"summarise the thread so far\",\"id\":\"m-1\"}," +
        "{\"type\":\"ai\",\"content\":\"Here is a short summary of what was discussed in this thread.\",\"id\":\"m-2\",\"tool_calls\":[]}]}," +
        "\"interrupts\":{}}";

    /// <summary>A search result: a JSON array of threads 0 to <paramref name="count"/> − 1.</summary>
    /// <param name="count">How many threads.</param>
    /// <returns>The array's JSON.</returns>
    public static string SearchJson(int count)
    {
        var list = new StringBuilder("[");
        for (var i = 0; i < count; i++)
        {
            list.Append(i == 0 ? string.Empty : ",").Append(ThreadJson(i));
        }

        return list.Append(']').ToString();
    }

    /// <summary>A run as the server sends it (<c>GET /threads/{id}/runs/{run_id}</c>): about 700 bytes of JSON.</summary>
    /// <returns>The run's JSON.</returns>
    public static string RunJson() =>
        "{\"run_id\":\"1f0c9a52-3c4e-4a57-9d0b-000000000009\",\"thread_id\":\"" + Id(1) + "\"," +
        "\"assistant_id\":\"fe096781-5601-53d2-b2f6-0d3403f7e9ca\",\"created_at\":\"2026-11-30T10:15:42.123456+00:00\"," +
        "\"updated_at\":\"2026-11-30T10:16:03.654321+00:00\",\"status\":\"success\"," +
        "\"metadata\":{\"owner\":\"alice\",\"source\":\"bench\",\"step\":3,\"tags\":[\"a\",\"b\"]}," +
        "\"kwargs\":{\"input\":{\"messages\":[{\"type\":\"human\",\"content\":\"summarise the thread so far\"}]}," +
        "\"config\":{\"configurable\":{\"user_id\":\"alice\",\"model\":\"scripted\"}},\"stream_mode\":[\"values\"]," +
        "\"command\":null,\"interrupt_before\":null,\"interrupt_after\":null,\"webhook\":null,\"temporary\":false}," +
        "\"multitask_strategy\":\"reject\"}";

    /// <summary>An assistant as the server sends it (<c>GET /assistants/{id}</c>): about 500 bytes of JSON.</summary>
    /// <returns>The assistant's JSON.</returns>
    public static string AssistantJson() =>
        "{\"assistant_id\":\"fe096781-5601-53d2-b2f6-0d3403f7e9ca\",\"graph_id\":\"agent\"," +
        "\"config\":{\"configurable\":{\"model\":\"scripted\",\"temperature\":0.2},\"tags\":[\"bench\"]}," +
        "\"context\":{\"model\":\"scripted\"},\"created_at\":\"2026-11-30T10:15:42.123456+00:00\"," +
        "\"updated_at\":\"2026-11-30T10:16:03.654321+00:00\",\"metadata\":{\"created_by\":\"system\",\"owner\":\"alice\",\"team\":\"core\"}," +
        "\"version\":3,\"name\":\"agent\",\"description\":\"The benchmark's assistant.\"}";

    /// <summary>A thread's state as the server sends it (<c>GET /threads/{id}/state</c>): about 1 KB of JSON.</summary>
    /// <returns>The state's JSON.</returns>
    public static string StateJson() =>
        "{\"values\":{\"messages\":[{\"type\":\"human\",\"content\":\"summarise the thread so far\",\"id\":\"m-1\"}," +
        "{\"type\":\"ai\",\"content\":\"Here is a short summary of what was discussed in this thread.\",\"id\":\"m-2\",\"tool_calls\":[]}]}," +
        "\"next\":[],\"tasks\":[]," +
        "\"metadata\":{\"source\":\"loop\",\"step\":2,\"parents\":{},\"writes\":{\"agent\":{\"messages\":[{\"type\":\"ai\",\"content\":\"ok\"}]}}," +
        "\"graph_id\":\"agent\",\"assistant_id\":\"fe096781-5601-53d2-b2f6-0d3403f7e9ca\",\"user_id\":\"alice\",\"run_attempt\":1}," +
        "\"created_at\":\"2026-11-30T10:16:03.654321+00:00\"," +
        "\"checkpoint\":{\"thread_id\":\"" + Id(1) + "\",\"checkpoint_ns\":\"\",\"checkpoint_id\":\"1f0c9a52-3c4e-6a57-8002-000000000002\"}," +
        "\"parent_checkpoint\":{\"thread_id\":\"" + Id(1) + "\",\"checkpoint_ns\":\"\",\"checkpoint_id\":\"1f0c9a52-3c4e-6a57-8001-000000000001\"}," +
        "\"interrupts\":[],\"checkpoint_id\":\"1f0c9a52-3c4e-6a57-8002-000000000002\"}";
}
