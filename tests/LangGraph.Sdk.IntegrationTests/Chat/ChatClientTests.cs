using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.AI;

namespace LangGraph.Sdk.IntegrationTests.Chat;

/// <summary>
/// <c>AsChatClient</c> against the real server's <c>chat</c> graph: a scripted chat model that calls
/// <c>get_weather</c> (call_1, {"city":"Paris"}), gets <c>{"city":"Paris","forecast":"sunny"}</c> back from its
/// ToolNode, then streams "It", " is", " sunny", "." with usage 12/4/16.
/// </summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class ChatClientTests(LangGraphServerFixture server)
{
    private static async Task<List<ChatResponseUpdate>> CollectAsync(IAsyncEnumerable<ChatResponseUpdate> updates)
    {
        var list = new List<ChatResponseUpdate>();
        await foreach (var update in updates)
        {
            list.Add(update);
        }

        return list;
    }

    [Fact]
    public async Task Streaming_gives_the_answer_token_by_token_and_the_graphs_tool_call_and_result()
    {
        using var client = server.CreateClient();
        using var chat = client.AsChatClient("chat");

        var updates = await CollectAsync(chat.GetStreamingResponseAsync("weather in Paris?"));

        var text = updates.Where(u => u.Contents.OfType<TextContent>().Any()).ToList();
        text.Select(u => u.Text).Should().Equal("It", " is", " sunny", ".");
        text.Should().OnlyContain(u => u.Role == ChatRole.Assistant);
        text.Select(u => u.MessageId).Distinct().Should().ContainSingle().Which.Should().StartWith("run-");

        var call = updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().Should().ContainSingle().Subject;
        call.CallId.Should().Be("call_1");
        call.Name.Should().Be("get_weather");
        call.InformationalOnly.Should().BeTrue("the graph already ran the tool");
        ((JsonElement)call.Arguments!["city"]!).GetString().Should().Be("Paris");

        var result = updates.SelectMany(u => u.Contents).OfType<FunctionResultContent>().Should().ContainSingle().Subject;
        result.CallId.Should().Be("call_1");
        result.Result.Should().Be("{\"city\":\"Paris\",\"forecast\":\"sunny\"}");
        updates.Single(u => u.Contents.OfType<FunctionResultContent>().Any()).Role.Should().Be(ChatRole.Tool);

        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Should().ContainSingle().Subject.Details;
        (usage.InputTokenCount, usage.OutputTokenCount, usage.TotalTokenCount).Should().Be((12L, 4L, 16L));

        var threadId = updates[0].ConversationId;
        Guid.TryParse(threadId, out _).Should().BeTrue();
        updates.Should().OnlyContain(u => u.ConversationId == threadId);
        updates.Select(u => u.ResponseId).Distinct().Should().ContainSingle().Which.Should().NotBeNullOrEmpty("the run id");
        updates[^1].FinishReason.Should().Be(ChatFinishReason.Stop);
        (await client.Threads.GetAsync(threadId!)).Status.Should().Be(ThreadStatus.Idle);
    }

    [Fact]
    public async Task GetResponse_returns_the_messages_and_usage_and_a_conversation_that_a_second_call_continues()
    {
        using var client = server.CreateClient();
        using var chat = client.AsChatClient("chat");

        var first = await chat.GetResponseAsync([new ChatMessage(ChatRole.System, "You are terse."), new ChatMessage(ChatRole.User, "weather in Paris?")]);

        first.Text.Should().Be("It is sunny.");
        first.Messages.Select(m => m.Role).Should().Equal(ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant);
        first.Messages[0].Contents.OfType<FunctionCallContent>().Should().ContainSingle();
        first.Usage!.TotalTokenCount.Should().Be(16);
        first.FinishReason.Should().Be(ChatFinishReason.Stop);
        first.ConversationId.Should().NotBeNullOrEmpty();

        var second = await chat.GetResponseAsync("and tomorrow?", new ChatOptions { ConversationId = first.ConversationId });

        second.ConversationId.Should().Be(first.ConversationId);
        second.Text.Should().Be("It is sunny.");
        second.ResponseId.Should().NotBe(first.ResponseId, "each call is its own run");
        second.Messages[0].Contents.OfType<FunctionCallContent>().Should().ContainSingle().Which.CallId.Should().Be("call_2");
        var state = await client.Threads.GetStateAsync(first.ConversationId!);
        state.Values.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("type").GetString())
            .Should().Equal("system", "human", "ai", "tool", "ai", "human", "ai", "tool", "ai");
        state.Values.GetProperty("messages")[5].GetProperty("content").GetString().Should().Be("and tomorrow?");
    }

    [Fact]
    public async Task UseFunctionInvocation_does_not_run_the_graphs_tool_again()
    {
        using var client = server.CreateClient();
        var invoked = 0;
        var getWeather = AIFunctionFactory.Create((string city) => { Interlocked.Increment(ref invoked); return "rain in " + city; }, "get_weather");
        using var chat = client.AsChatClient("chat").AsBuilder().UseFunctionInvocation().Build();

        var response = await chat.GetResponseAsync("weather in Paris?", new ChatOptions { Tools = [getWeather] });

        invoked.Should().Be(0);
        response.Text.Should().Be("It is sunny.");
        (await client.Runs.ListAsync(response.ConversationId!)).Should().ContainSingle("the pipeline did not call the graph a second time");
    }

    [Fact]
    public async Task RemoteGraph_AsChatClient_runs_with_the_graphs_headers()
    {
        using var remote = new RemoteGraph("chat", new RemoteGraphOptions
        {
            Url = server.Url,
            Headers = { ["Authorization"] = $"Bearer {LangGraphServerFixture.BobToken}" },
            ReadApiKeyFromEnvironment = false,
        });
        using var chat = remote.AsChatClient();

        var response = await chat.GetResponseAsync("weather in Paris?");

        response.Text.Should().Be("It is sunny.");
        using var bob = server.CreateClient(LangGraphServerFixture.BobToken);
        (await bob.Threads.GetAsync(response.ConversationId!)).Metadata["owner"].GetString().Should().Be("bob");
    }

    [Fact]
    public async Task A_failed_run_throws_LangGraphRunException()
    {
        using var client = server.CreateClient();
        using var chat = client.AsChatClient("failing");

        var act = () => chat.GetResponseAsync("hi");

        (await act.Should().ThrowAsync<LangGraphRunException>()).Which.ErrorMessage.Should().Contain("Boo!");
    }

    [Fact]
    public async Task An_interrupt_throws_LangGraphInterruptException_with_the_thread_and_the_question()
    {
        using var client = server.CreateClient();
        using var chat = client.AsChatClient("interrupt");
        var threadId = Guid.NewGuid().ToString();

        var act = () => chat.GetResponseAsync("start", new ChatOptions { ConversationId = threadId });

        var error = (await act.Should().ThrowAsync<LangGraphInterruptException>()).Which;
        error.ThreadId.Should().Be(threadId);
        error.RunId.Should().NotBeNullOrEmpty();
        error.Interrupts.Should().ContainSingle().Which.Value.GetProperty("question").GetString().Should().Be("approve?");
        (await client.Threads.GetAsync(threadId)).Status.Should().Be(ThreadStatus.Interrupted);
    }

    [Fact]
    public async Task Cancelling_stops_the_stream()
    {
        using var client = server.CreateClient();
        using var chat = client.AsChatClient("chat");
        using var cancel = new CancellationTokenSource();
        var received = new List<ChatResponseUpdate>();

        var act = async () =>
        {
            await foreach (var update in chat.GetStreamingResponseAsync("weather in Paris?", cancellationToken: cancel.Token))
            {
                received.Add(update);
                await cancel.CancelAsync();
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        received.Should().ContainSingle("the stream stops at the first update after the cancellation");
    }
}
