namespace LangGraph.Sdk.ThreadStreams;

/// <summary>One frame of the thread streaming protocol: an event, or the reply to a command (exactly one is set).</summary>
/// <param name="Event">The event, for <c>{"type":"event",…}</c>.</param>
/// <param name="Reply">The reply, for <c>{"type":"success"|"error",…}</c>.</param>
internal readonly record struct ProtocolFrame(ThreadEvent? Event, ProtocolReply? Reply);
