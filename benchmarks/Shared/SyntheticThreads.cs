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
}
