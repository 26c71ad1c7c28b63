using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace LangGraph.Sdk.Chat;

/// <summary>
/// An <see cref="IChatClient"/> over one assistant of a graph whose state has <c>messages</c>. Each call streams one run
/// (<c>messages-tuple</c> and <c>updates</c>) on the thread named by <see cref="ChatOptions.ConversationId"/>, or on a new
/// thread whose id every update and the response report. The graph runs its own tools, so its tool calls come back as
/// informational <see cref="FunctionCallContent"/>. Built by <c>AsChatClient</c>.
/// </summary>
internal sealed class LangGraphChatClient : IChatClient
{
    private static readonly IReadOnlyList<StreamMode> Modes = [StreamMode.MessagesTuple, StreamMode.Updates];

    private readonly LangGraphClient _client;
    private readonly string _assistantId;
    private readonly Action<RunCreateOptions>? _configureRun;
    private readonly ChatClientMetadata _metadata;

    public LangGraphChatClient(LangGraphClient client, string assistantId, Action<RunCreateOptions>? configureRun = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(assistantId);
        _client = client;
        _assistantId = assistantId;
        _configureRun = configureRun;
        _metadata = new ChatClientMetadata("langgraph", defaultModelId: assistantId);
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Eager: a bad message (role, content) fails at the call, before any request.
        var input = ChatMessageMapper.ToElement(ChatMessageMapper.ToInput(messages, options));
        var threadId = options?.ConversationId is { Length: > 0 } conversation ? conversation : Guid.NewGuid().ToString();
        var run = new RunCreateOptions
        {
            Input = input,
            StreamMode = Modes,
            IfNotExists = IfNotExists.Create,
            // Cancelling the call (or breaking out of the stream) cancels the run on the server too.
            OnDisconnect = DisconnectMode.Cancel,
        };
        _configureRun?.Invoke(run);
        return StreamAsync(threadId, run, cancellationToken);
    }

    private async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(string threadId, RunCreateOptions run, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? runId = null;
        await foreach (var part in _client.Runs.StreamAsync(threadId, _assistantId, run, cancellationToken).ConfigureAwait(false))
        {
            foreach (var update in ChatMessageMapper.ToUpdates(part, threadId, ref runId))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return update;
            }
        }

        yield return new ChatResponseUpdate { ConversationId = threadId, ResponseId = runId, FinishReason = ChatFinishReason.Stop };
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return _metadata;
        }

        if (serviceType == typeof(LangGraphClient))
        {
            return _client;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        // The LangGraphClient is the caller's; it outlives this view of one assistant.
    }
}
