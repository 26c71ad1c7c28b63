namespace LangGraph.Sdk.Tests.Assistants;

/// <summary>Assistant response bodies in the shapes the real JS server (langgraphjs dev 1.5.1) sends.</summary>
public static class AssistantJson
{
    public const string EchoId = "046b5dc7-2108-582c-9c6c-31d556d138f0";

    /// <summary>The system assistant of the <c>echo</c> graph.</summary>
    public const string Echo = """
        {"assistant_id":"046b5dc7-2108-582c-9c6c-31d556d138f0","version":1,"config":{},"context":{},"created_at":"2025-10-01T12:00:00.548Z","updated_at":"2025-10-01T12:00:00.548Z","graph_id":"echo","metadata":{"created_by":"system"},"name":"echo","description":null}
        """;

    /// <summary>A user-created assistant after one update (version 2).</summary>
    public const string Custom = """
        {"assistant_id":"11111111-1111-4111-8111-111111111111","version":2,"config":{"configurable":{"x":1}},"context":{"c":2},"created_at":"2025-10-01T12:00:01.927Z","updated_at":"2025-10-01T12:00:02.969Z","graph_id":"echo","metadata":{"m":"v","k":2},"name":"renamed","description":"desc"}
        """;

    public const string Versions = """
        [{"assistant_id":"11111111-1111-4111-8111-111111111111","version":2,"graph_id":"echo","config":{},"context":{"c":2},"name":"renamed","description":"desc","metadata":{"m":"v","k":2},"created_at":"2025-10-01T12:00:02.969Z"},
         {"assistant_id":"11111111-1111-4111-8111-111111111111","version":1,"graph_id":"echo","config":{"configurable":{"x":1}},"context":{"c":2},"metadata":{"m":"v"},"created_at":"2025-10-01T12:00:01.927Z","name":"mine","description":"desc"}]
        """;

    public const string Graph = """
        {"nodes":[{"id":"__start__","type":"schema","data":{"$schema":"https://json-schema.org/draft/2020-12/schema"}},{"id":"echo","type":"runnable","data":{"id":["langgraph","RunnableCallable"],"name":"echo"},"metadata":{}},{"id":"__end__","type":"schema","data":{"$schema":"https://json-schema.org/draft/2020-12/schema"}}],"edges":[{"source":"__start__","target":"echo","conditional":false},{"source":"echo","target":"__end__","conditional":true,"data":"done"}]}
        """;

    public const string Schemas = """
        {"graph_id":"echo","input_schema":{"type":"object","properties":{"messages":{"anyOf":[{"type":"array","items":{"type":"string"}},{"type":"string"}]}},"$schema":"http://json-schema.org/draft-07/schema#"},"output_schema":{"type":"object","properties":{"messages":{"type":"array","items":{"type":"string"}}},"$schema":"http://json-schema.org/draft-07/schema#"},"state_schema":{"type":"object","$schema":"http://json-schema.org/draft-07/schema#"},"config_schema":{"type":"object","$schema":"http://json-schema.org/draft-07/schema#"},"context_schema":{"type":"object","$schema":"http://json-schema.org/draft-07/schema#"}}
        """;
}
