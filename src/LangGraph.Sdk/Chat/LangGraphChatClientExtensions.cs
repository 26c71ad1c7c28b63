using System;
using LangGraph.Sdk.Chat;
using Microsoft.Extensions.AI;

namespace LangGraph.Sdk;

/// <summary>
/// <c>AsChatClient</c>: a graph whose state has <c>messages</c> as a <c>Microsoft.Extensions.AI</c>
/// <see cref="IChatClient"/> (docs/chat-client.md).
/// </summary>
public static class LangGraphChatClientExtensions
{
    /// <summary>
    /// An <see cref="IChatClient"/> that runs <paramref name="assistantId"/> once per call: chat messages become the run's
    /// <c>messages</c> input (user → human, assistant → ai, system, tool), <see cref="ChatOptions.ConversationId"/> is the
    /// thread id (none starts a new thread, reported as <see cref="ChatResponse.ConversationId"/>), and the run's
    /// <c>messages-tuple</c> chunks stream back as text deltas. Tool calls the graph made are
    /// <see cref="FunctionCallContent"/> with <see cref="FunctionCallContent.InformationalOnly"/> set, so a
    /// <c>UseFunctionInvocation()</c> pipeline does not run them again. A failed run throws
    /// <see cref="LangGraphRunException"/>, an interrupt <see cref="LangGraphInterruptException"/>. Disposing the chat
    /// client does not dispose <paramref name="client"/>.
    /// </summary>
    /// <param name="client">The client to run on.</param>
    /// <param name="assistantId">The assistant id or graph id.</param>
    /// <returns>The chat client.</returns>
    public static IChatClient AsChatClient(this LangGraphClient client, string assistantId) => new LangGraphChatClient(client, assistantId);

    /// <summary>
    /// An <see cref="IChatClient"/> over the remote graph's assistant, on its client and with its headers (and trace
    /// context when <see cref="RemoteGraphOptions.DistributedTracing"/> is on); see
    /// <see cref="AsChatClient(LangGraphClient, string)"/> for the mapping.
    /// </summary>
    /// <param name="graph">The remote graph.</param>
    /// <returns>The chat client.</returns>
    public static IChatClient AsChatClient(this RemoteGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new LangGraphChatClient(graph.Client, graph.AssistantId, run => graph.ApplyRequestOptions(run, null));
    }
}
