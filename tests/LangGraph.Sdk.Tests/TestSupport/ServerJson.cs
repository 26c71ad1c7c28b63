namespace LangGraph.Sdk.Tests.TestSupport;

/// <summary>Response bodies in the shapes the real JS server sends (tests/server/README.md).</summary>
public static class ServerJson
{
    public const string ThreadId = "0199a6a1-7f3e-7d5b-9b1e-2d3c4b5a6f70";

    /// <summary><c>POST /threads {"metadata":{"purpose":"t1"}}</c> as alice: no values / interrupts keys yet.</summary>
    public const string Thread = """
        {"thread_id":"0199a6a1-7f3e-7d5b-9b1e-2d3c4b5a6f70","created_at":"2025-10-01T12:00:00.123Z","updated_at":"2025-10-01T12:00:01.456Z","metadata":{"purpose":"t1","owner":"alice"},"status":"idle","config":{}}
        """;

    /// <summary><c>GET /threads/{tid}/state</c> of a thread that never ran.</summary>
    public const string EmptyState = """
        {"values":{},"next":[],"tasks":[],"created_at":null,"checkpoint":null,"parent_checkpoint":null}
        """;

    /// <summary>State after an interrupt: a task with an interrupt, checkpoint with a null map.</summary>
    public const string InterruptedState = """
        {
          "values":{"messages":["start"]},
          "next":["ask"],
          "tasks":[{"id":"5c1d2c7e-0000-4000-8000-000000000001","name":"ask","error":null,
                    "interrupts":[{"id":"0123456789abcdef0123456789abcdef","value":{"question":"approve?"}}],
                    "path":["__pregel_pull","ask"],"checkpoint":null,"state":null,"result":null}],
          "metadata":{"graph_id":"interrupt","source":"loop","step":1,"parents":{},"thread_id":"0199a6a1-7f3e-7d5b-9b1e-2d3c4b5a6f70"},
          "created_at":"2025-10-01T12:00:02.000Z",
          "checkpoint":{"thread_id":"0199a6a1-7f3e-7d5b-9b1e-2d3c4b5a6f70","checkpoint_ns":"","checkpoint_id":"1f1ea432-a96c-6b70-8003-0b33539f2a3a","checkpoint_map":null},
          "parent_checkpoint":{"thread_id":"0199a6a1-7f3e-7d5b-9b1e-2d3c4b5a6f70","checkpoint_ns":"","checkpoint_id":"1f1ea432-a96c-6b70-8002-0b33539f2a3a"},
          "interrupts":[{"id":"0123456789abcdef0123456789abcdef","value":{"question":"approve?"}}]
        }
        """;

    public const string UpdateStateResponse = """
        {"checkpoint":{"thread_id":"0199a6a1-7f3e-7d5b-9b1e-2d3c4b5a6f70","checkpoint_ns":"","checkpoint_id":"1f1ea432-a96c-6b70-8003-0b33539f2a3a"}}
        """;

    /// <summary>The JS server's 400 for a malformed thread id.</summary>
    public const string ZodError = """
        {"success":false,"error":{"issues":[{"validation":"uuid","code":"invalid_string","message":"Invalid uuid","path":["thread_id"]}],"name":"ZodError"}}
        """;
}
