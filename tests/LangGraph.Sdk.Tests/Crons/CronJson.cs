namespace LangGraph.Sdk.Tests.Crons;

/// <summary>Cron bodies in the shape of the LangGraph API's <c>Cron</c> schema (the JS dev server does not implement crons).</summary>
public static class CronJson
{
    public const string Cron = """
        {"cron_id":"1ef3cefa-4c09-6926-96d0-3dc97fd5e39b","assistant_id":"046b5dc7-2108-582c-9c6c-31d556d138f0","thread_id":"0199a6a1-7f3e-7d5b-9b1e-2d3c4b5a6f70",
         "user_id":"alice","payload":{"input":{"messages":["tick"]},"schedule":"0 9 * * *"},"schedule":"0 9 * * *","timezone":"Europe/Paris",
         "next_run_date":"2025-10-02T07:00:00+00:00","end_time":"2025-12-31T23:00:00+00:00","created_at":"2025-10-01T12:00:00.073257+00:00",
         "updated_at":"2025-10-01T12:30:00+00:00","metadata":{"team":"a"},"on_run_completed":"keep","enabled":true}
        """;

    /// <summary>An older server's cron: no thread, no time zone, no enabled flag.</summary>
    public const string Minimal = """
        {"cron_id":"c2","assistant_id":"a1","thread_id":null,"user_id":null,"payload":{},"schedule":"4 * * * *","next_run_date":null,"end_time":null,
         "created_at":"2024-07-08T06:02:23.073257+00:00","updated_at":"2024-07-08T06:02:23.073257+00:00"}
        """;
}
