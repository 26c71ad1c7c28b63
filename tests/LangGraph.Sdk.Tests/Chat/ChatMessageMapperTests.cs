using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FluentAssertions;
using LangGraph.Sdk.Chat;
using Microsoft.Extensions.AI;

namespace LangGraph.Sdk.Tests.Chat;

/// <summary>ChatMessage ↔ LangGraph message mapping: the run input, and the stream parts (as the JS server sends them) back to updates.</summary>
public sealed class ChatMessageMapperTests
{
    private const string ThreadId = "7f1c9f0e-0000-4000-8000-000000000001";

    private static string Input(IEnumerable<ChatMessage> messages, ChatOptions? options = null) =>
        ChatMessageMapper.ToElement(ChatMessageMapper.ToInput(messages, options)).GetRawText();

    private static List<ChatResponseUpdate> Updates(string @event, string data, ref string? runId) =>
        ChatMessageMapper.ToUpdates(new StreamPart(@event, JsonDocument.Parse(data).RootElement.Clone(), null), ThreadId, ref runId).ToList();

    [Fact]
    public void Roles_map_to_human_ai_system_and_tool_with_text_ids_tool_calls_and_results()
    {
        ChatMessage[] messages =
        [
            new(ChatRole.System, "be terse"),
            new(ChatRole.User, [new TextContent("weather "), new TextContent("in Paris?")]) { MessageId = "m1" },
            new(ChatRole.Assistant, [new FunctionCallContent("call_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris", ["days"] = 2 })]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", "sunny")]),
            new(ChatRole.Assistant, "It is sunny."),
        ];

        Input(messages, new ChatOptions { Instructions = "You answer weather questions." }).Should().Be(
            "{\"messages\":[" +
            "{\"type\":\"system\",\"content\":\"You answer weather questions.\"}," +
            "{\"type\":\"system\",\"content\":\"be terse\"}," +
            "{\"type\":\"human\",\"content\":\"weather in Paris?\",\"id\":\"m1\"}," +
            "{\"type\":\"ai\",\"content\":\"\",\"tool_calls\":[{\"id\":\"call_1\",\"name\":\"get_weather\",\"args\":{\"city\":\"Paris\",\"days\":2},\"type\":\"tool_call\"}]}," +
            "{\"type\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"sunny\"}," +
            "{\"type\":\"ai\",\"content\":\"It is sunny.\"}]}");
    }

    [Fact]
    public void A_structured_function_result_is_sent_as_JSON_text()
    {
        var result = JsonDocument.Parse("{\"forecast\":\"sunny\"}").RootElement;

        var sent = JsonDocument.Parse(Input([
            new ChatMessage(ChatRole.Tool, [new FunctionResultContent("c", result), new FunctionResultContent("d", new Dictionary<string, object?> { ["n"] = 1 })]),
        ])).RootElement.GetProperty("messages");

        sent.EnumerateArray().Select(m => (m.GetProperty("tool_call_id").GetString(), m.GetProperty("content").GetString()))
            .Should().Equal(("c", "{\"forecast\":\"sunny\"}"), ("d", "{\"n\":1}"));
    }

    [Fact]
    public void Unmappable_roles_and_contents_fail_before_any_request()
    {
        var customRole = () => Input([new ChatMessage(new ChatRole("critic"), "hm")]);
        var image = () => Input([new ChatMessage(ChatRole.User, [new DataContent(new byte[] { 1 }, "image/png")])]);
        var bareTool = () => Input([new ChatMessage(ChatRole.Tool, "no call id")]);

        customRole.Should().Throw<NotSupportedException>().WithMessage("*'critic'*");
        image.Should().Throw<NotSupportedException>().WithMessage("*DataContent*");
        bareTool.Should().Throw<NotSupportedException>().WithMessage("*FunctionResultContent*");
    }

    [Fact]
    public void Message_chunks_become_text_deltas_and_tool_results_with_the_run_and_thread()
    {
        string? runId = null;
        Updates("metadata", "{\"run_id\":\"r1\",\"attempt\":1}", ref runId).Should().BeEmpty();
        runId.Should().Be("r1");

        var text = Updates("messages", "[{\"content\":\" is\",\"id\":\"run-a\",\"type\":\"ai\"},{\"langgraph_node\":\"agent\"}]", ref runId).Should().ContainSingle().Subject;
        var blocks = Updates("messages", "[{\"content\":[{\"type\":\"text\",\"text\":\"It\"},{\"type\":\"image_url\"}],\"id\":\"run-a\",\"type\":\"AIMessageChunk\"},{}]", ref runId).Should().ContainSingle().Subject;
        var tool = Updates("messages", "[{\"content\":\"{\\\"forecast\\\":\\\"sunny\\\"}\",\"tool_call_id\":\"call_1\",\"id\":\"t1\",\"type\":\"tool\"},{}]", ref runId).Should().ContainSingle().Subject;

        (text.Role, text.Text, text.MessageId, text.ConversationId, text.ResponseId).Should().Be((ChatRole.Assistant, " is", "run-a", ThreadId, "r1"));
        blocks.Text.Should().Be("It");
        tool.Role.Should().Be(ChatRole.Tool);
        var result = tool.Contents.Should().ContainSingle().Which.Should().BeOfType<FunctionResultContent>().Subject;
        (result.CallId, result.Result).Should().Be(("call_1", (object)"{\"forecast\":\"sunny\"}"));
    }

    [Fact]
    public void Empty_chunks_human_chunks_and_subgraph_parts_give_no_update()
    {
        string? runId = null;
        Updates("messages", "[{\"content\":\"\",\"tool_call_chunks\":[{\"args\":\"{\"}],\"id\":\"run-a\",\"type\":\"ai\"},{}]", ref runId).Should().BeEmpty();
        Updates("messages", "[{\"content\":\"hi\",\"type\":\"human\"},{}]", ref runId).Should().BeEmpty();
        Updates("messages|inner:1", "[{\"content\":\"x\",\"id\":\"a\",\"type\":\"ai\"},{}]", ref runId).Should().BeEmpty();
        Updates("values", "{\"messages\":[]}", ref runId).Should().BeEmpty();
    }

    [Fact]
    public void A_complete_ai_message_in_updates_gives_informational_tool_calls_and_usage()
    {
        string? runId = "r1";
        const string data = "{\"agent\":{\"messages\":[{\"content\":\"\",\"tool_calls\":[{\"name\":\"get_weather\",\"args\":{\"city\":\"Paris\"},\"id\":\"call_1\",\"type\":\"tool_call\"}]," +
            "\"usage_metadata\":{\"input_tokens\":12,\"output_tokens\":4,\"total_tokens\":16,\"input_token_details\":{\"cache_read\":3},\"output_token_details\":{\"reasoning\":1}},\"id\":\"run-a\",\"type\":\"ai\"}]}," +
            "\"tools\":{\"messages\":[{\"content\":\"x\",\"tool_call_id\":\"call_1\",\"type\":\"tool\"}]}}";

        var update = Updates("updates", data, ref runId).Should().ContainSingle().Subject;

        (update.Role, update.MessageId, update.ResponseId).Should().Be((ChatRole.Assistant, "run-a", "r1"));
        var call = update.Contents.OfType<FunctionCallContent>().Should().ContainSingle().Subject;
        (call.CallId, call.Name, call.InformationalOnly).Should().Be(("call_1", "get_weather", true));
        ((JsonElement)call.Arguments!["city"]!).GetString().Should().Be("Paris");
        var usage = update.Contents.OfType<UsageContent>().Should().ContainSingle().Subject.Details;
        (usage.InputTokenCount, usage.OutputTokenCount, usage.TotalTokenCount, usage.CachedInputTokenCount, usage.ReasoningTokenCount)
            .Should().Be((12L, 4L, 16L, 3L, 1L));
    }

    [Fact]
    public void An_interrupt_update_throws_with_the_thread_run_and_values()
    {
        string? runId = "r9";

        var act = () => Updates("updates", "{\"__interrupt__\":[{\"id\":\"i1\",\"value\":{\"question\":\"approve?\"}}]}", ref runId);

        var error = act.Should().Throw<LangGraphInterruptException>().Which;
        (error.ThreadId, error.RunId).Should().Be((ThreadId, "r9"));
        error.Interrupts.Should().ContainSingle().Which.Value.GetProperty("question").GetString().Should().Be("approve?");
        error.Message.Should().Contain(ThreadId);
    }

    [Fact]
    public void Updates_merge_into_one_response_with_the_conversation_and_usage()
    {
        string? runId = null;
        var updates = new List<ChatResponseUpdate>();
        updates.AddRange(Updates("metadata", "{\"run_id\":\"r1\"}", ref runId));
        foreach (var token in new[] { "It", " is", " sunny", "." })
        {
            updates.AddRange(Updates("messages", $"[{{\"content\":\"{token}\",\"id\":\"run-b\",\"type\":\"ai\"}},{{}}]", ref runId));
        }

        updates.AddRange(Updates("updates", "{\"agent\":{\"messages\":[{\"content\":\"It is sunny.\",\"usage_metadata\":{\"input_tokens\":12,\"output_tokens\":4,\"total_tokens\":16},\"id\":\"run-b\",\"type\":\"ai\"}]}}", ref runId));

        var response = updates.ToChatResponse();

        response.Messages.Should().ContainSingle().Which.Text.Should().Be("It is sunny.");
        (response.ConversationId, response.ResponseId, response.Usage!.TotalTokenCount).Should().Be((ThreadId, "r1", 16L));
    }
}
