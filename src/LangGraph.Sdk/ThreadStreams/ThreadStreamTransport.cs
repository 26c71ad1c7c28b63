namespace LangGraph.Sdk;

/// <summary>How a <see cref="ThreadStream"/> talks to the server.</summary>
public enum ThreadStreamTransport
{
    /// <summary>
    /// Commands as <c>POST /threads/{id}/commands</c>, events as a server-sent event stream (<c>POST /threads/{id}/stream/events</c>).
    /// A dropped event stream is resumed exactly with the <c>since</c> cursor. The default.
    /// </summary>
    Sse = 0,

    /// <summary>Commands and events over one WebSocket (<c>GET /threads/{id}/stream/events</c> with <c>Upgrade: websocket</c>).</summary>
    WebSocket = 1,
}
