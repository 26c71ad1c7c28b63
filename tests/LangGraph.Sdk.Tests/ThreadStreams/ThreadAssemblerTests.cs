using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using LangGraph.Sdk.ThreadStreams;

namespace LangGraph.Sdk.Tests.ThreadStreams;

public class ThreadAssemblerTests
{
    private static List<ThreadEvent> Chat() => ProtocolEvents.ChatRun().Select(ProtocolEvents.Parse).ToList();

    [Fact]
    public void Text_deltas_are_assembled_token_by_token_into_the_message()
    {
        var assembler = new ThreadMessageAssembler();
        var deltas = new List<ThreadMessageDelta>();
        var messages = new List<ThreadMessage>();

        foreach (var e in Chat())
        {
            assembler.Apply(e, deltas, messages);
        }

        deltas.Where(d => d.Kind == "text").Select(d => d.Text).Should().Equal("It", " is", " sunny", ".");
        deltas.Where(d => d.Kind == "tool-call").Select(d => d.Text).Should().Equal("{\"city\":", "\"Paris\"}");
        messages.Should().HaveCount(2);
        var answer = messages[1];
        answer.Id.Should().Be("run-01a233aa-d7f2");
        answer.Text.Should().Be("It is sunny.");
        answer.FinishReason.Should().Be("stop");
        answer.Error.Should().BeNull();
        answer.Namespace.Should().Equal(ProtocolEvents.Agent2Ns);
        answer.RunId.Should().Be("01a233aa-d7f2");
    }

    [Fact]
    public void Tool_call_argument_chunks_are_assembled_and_the_finished_block_replaces_them()
    {
        var assembler = new ThreadMessageAssembler();
        var messages = new List<ThreadMessage>();
        foreach (var e in Chat().Take(9))
        {
            assembler.Apply(e, null, messages);
        }

        var call = messages.Single().ToolCalls.Single();
        call.Id.Should().Be("call_1");
        call.Name.Should().Be("get_weather");
        call.Args.GetProperty("city").GetString().Should().Be("Paris");
        messages.Single().Blocks.Single().GetProperty("type").GetString().Should().Be("tool_call");
    }

    [Fact]
    public void Without_a_finish_block_the_deltas_are_the_content_and_an_unfinished_message_is_aborted_at_the_run_end()
    {
        var assembler = new ThreadMessageAssembler();
        var messages = new List<ThreadMessage>();
        string[] ns = ["agent:1"];
        foreach (var envelope in new[]
        {
            ProtocolEvents.Envelope(1, "messages", """{"event":"message-start","id":"m1","run_id":"r"}""", ns),
            ProtocolEvents.Envelope(2, "messages", """{"event":"content-block-delta","index":0,"delta":{"type":"reasoning-delta","reasoning":"think"},"run_id":"r"}""", ns),
            ProtocolEvents.Envelope(3, "messages", """{"event":"content-block-delta","index":1,"delta":{"type":"text-delta","text":"Hel"},"run_id":"r"}""", ns),
            ProtocolEvents.Envelope(4, "messages", """{"event":"content-block-delta","index":1,"delta":{"type":"text-delta","text":"lo"},"run_id":"r"}""", ns),
            ProtocolEvents.Envelope(5, "messages", """{"event":"content-block-delta","index":1,"delta":{"type":"block-delta","fields":{"extras":{"x":1}}},"run_id":"r"}""", ns),
        })
        {
            assembler.Apply(ProtocolEvents.Parse(envelope), null, messages);
        }

        messages.Should().BeEmpty();
        assembler.Abandon(messages);

        var message = messages.Single();
        message.Error.Should().Be("aborted");
        message.Text.Should().Be("Hello");
        message.Blocks[0].GetProperty("reasoning").GetString().Should().Be("think");
        message.Blocks[1].GetProperty("extras").GetProperty("x").GetInt32().Should().Be(1);
    }

    [Fact]
    public void A_message_error_event_completes_it_with_the_error()
    {
        var assembler = new ThreadMessageAssembler();
        var messages = new List<ThreadMessage>();
        assembler.Apply(ProtocolEvents.Parse(ProtocolEvents.Envelope(1, "messages", """{"event":"message-start","id":"m1","run_id":"r"}""")), null, messages);
        assembler.Apply(ProtocolEvents.Parse(ProtocolEvents.Envelope(2, "messages", """{"event":"error","message":"rate limited","code":"429","run_id":"r"}""")), null, messages);

        messages.Single().Error.Should().Be("rate limited");
    }

    [Fact]
    public void Tool_calls_are_assembled_with_parsed_input_and_output()
    {
        var assembler = new ThreadToolCallAssembler();
        var calls = new List<ThreadToolCall>();
        foreach (var e in Chat())
        {
            assembler.Apply(e, calls);
        }

        var call = calls.Single();
        call.CallId.Should().Be("call_1");
        call.Name.Should().Be("get_weather");
        call.Namespace.Should().Equal(ProtocolEvents.ToolsNs);
        call.Input.GetProperty("city").GetString().Should().Be("Paris");
        call.Output!.Value.GetProperty("forecast").GetString().Should().Be("sunny");
        call.Status.Should().Be(ThreadToolCallStatus.Finished);
    }

    [Fact]
    public void A_failed_tool_and_one_cut_by_the_run_end_are_reported_with_their_status()
    {
        var assembler = new ThreadToolCallAssembler();
        var calls = new List<ThreadToolCall>();
        foreach (var envelope in new[]
        {
            ProtocolEvents.Envelope(1, "tools", """{"event":"tool-started","tool_call_id":"a","tool_name":"t","input":{"q":1}}"""),
            ProtocolEvents.Envelope(2, "tools", """{"event":"tool-started","tool_call_id":"b","tool_name":"t","input":"plain"}"""),
            ProtocolEvents.Envelope(3, "tools", """{"event":"tool-output-delta","tool_call_id":"b","delta":"part"}"""),
            ProtocolEvents.Envelope(4, "tools", """{"event":"tool-error","tool_call_id":"a","message":"bad input"}"""),
        })
        {
            assembler.Apply(ProtocolEvents.Parse(envelope), calls);
        }

        assembler.Abandon(calls);

        calls.Select(c => (c.CallId, c.Status, c.Error)).Should().Equal(("a", ThreadToolCallStatus.Failed, "bad input"), ("b", ThreadToolCallStatus.Aborted, "aborted"));
        calls[0].Input.GetProperty("q").GetInt32().Should().Be(1);
        calls[1].Input.GetString().Should().Be("plain");
        calls[1].OutputDeltas.Single().GetString().Should().Be("part");
    }
}
