using System;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using LangGraph.Sdk.Serialization;
using LangGraph.Sdk.ThreadStreams;

namespace LangGraph.Sdk.Tests.ThreadStreams;

public class ProtocolCodecTests
{
    [Fact]
    public void An_event_envelope_is_read_with_its_seq_id_method_namespace_node_timestamp_and_data()
    {
        const string frame = """{"type":"event","event_id":"5","seq":5,"method":"updates","params":{"namespace":["agent:4d28"],"timestamp":1796163023916,"node":"echo","data":{"messages":["echo: hi"]}}}""";

        var parsed = ProtocolCodec.ParseFrame(Encoding.UTF8.GetBytes(frame));

        parsed.Reply.Should().BeNull();
        var e = parsed.Event!;
        e.Seq.Should().Be(5);
        e.EventId.Should().Be("5");
        e.Method.Should().Be("updates");
        e.Channel.Should().Be("updates");
        e.Namespace.Should().Equal("agent:4d28");
        e.IsRoot.Should().BeFalse();
        e.Node.Should().Be("echo");
        e.Timestamp.Should().Be(1796163023916);
        e.Data.GetProperty("messages")[0].GetString().Should().Be("echo: hi");
    }

    [Theory]
    [InlineData("input.requested", """{"interrupt_id":"i1","payload":{}}""", "input")]
    [InlineData("custom", """{"name":"progress","payload":1}""", "custom:progress")]
    [InlineData("custom", """{"payload":1}""", "custom")]
    [InlineData("lifecycle", """{"event":"running"}""", "lifecycle")]
    public void The_channel_is_inferred_as_the_server_does(string method, string data, string channel)
    {
        ProtocolEvents.Parse(ProtocolEvents.Envelope(1, method, data)).Channel.Should().Be(channel);
    }

    [Fact]
    public void A_root_event_without_a_namespace_or_event_id_has_an_empty_namespace_and_its_seq_as_id()
    {
        var e = ProtocolCodec.ParseFrame("""{"type":"event","seq":7,"method":"values","params":{"data":{"a":1}}}"""u8).Event!;

        e.Namespace.Should().BeEmpty();
        e.IsRoot.Should().BeTrue();
        e.EventId.Should().Be("7");
        e.Timestamp.Should().Be(0);
    }

    [Fact]
    public void A_success_reply_carries_its_id_result_and_applied_through_seq()
    {
        var reply = ProtocolCodec.ParseFrame("""{"type":"success","id":1,"result":{"run_id":"01a2"},"meta":{"thread_id":"t","applied_through_seq":9}}"""u8).Reply!;

        reply.Id.Should().Be(1);
        reply.IsSuccess.Should().BeTrue();
        reply.Result.GetProperty("run_id").GetString().Should().Be("01a2");
        reply.AppliedThroughSeq.Should().Be(9);
    }

    [Fact]
    public void An_error_reply_becomes_a_typed_exception_naming_the_command()
    {
        var reply = ProtocolCodec.ParseFrame("""{"type":"error","id":10,"error":"invalid_argument","message":"run.start requires an assistant_id.","stacktrace":"…"}"""u8).Reply!;

        reply.IsSuccess.Should().BeFalse();
        var ex = ProtocolCodec.ToException(reply, "run.start");
        ex.Code.Should().Be("invalid_argument");
        ex.ServerMessage.Should().Be("run.start requires an assistant_id.");
        ex.Method.Should().Be("run.start");
        ex.CommandId.Should().Be(10);
        ex.Message.Should().Contain("run.start").And.Contain("invalid_argument").And.Contain("requires an assistant_id");
    }

    [Fact]
    public void An_unsolicited_error_has_no_id()
    {
        var reply = ProtocolCodec.ParseFrame("""{"type":"error","id":null,"error":"invalid_argument","message":"Protocol commands must be valid JSON."}"""u8).Reply!;

        reply.Id.Should().BeNull();
        ProtocolCodec.ToException(reply, null).CommandId.Should().BeNull();
    }

    [Fact]
    public void An_error_message_is_redacted()
    {
        var reply = new ProtocolReply(3, false, default, "unknown_error", "token sk-secret-123 leaked", null);

        var ex = ProtocolCodec.ToException(reply, "state.get", new LangGraph.Sdk.Http.CredentialRedactor().AddSecret("sk-secret-123"));

        ex.Message.Should().NotContain("sk-secret-123");
        ex.ServerMessage.Should().NotContain("sk-secret-123");
    }

    [Theory]
    [InlineData("[1]", "array")]
    [InlineData("""{"seq":1}""", "no \"type\"")]
    [InlineData("""{"type":"hello"}""", "unknown type")]
    [InlineData("""{"type":"event","method":"values","params":{}}""", "integer \"seq\"")]
    [InlineData("""{"type":"event","seq":1,"method":"values"}""", "without \"params\"")]
    [InlineData("""{"type":"event","seq":1,"method":"values","params":{"namespace":"x"}}""", "not an array")]
    [InlineData("not json", "not valid JSON")]
    public void A_frame_that_is_not_a_protocol_frame_is_reported_with_what_is_wrong(string frame, string what)
    {
        var act = () => ProtocolCodec.ParseFrame(Encoding.UTF8.GetBytes(frame));

        act.Should().Throw<LangGraphException>().WithMessage($"*{what}*");
    }

    [Fact]
    public void A_command_is_written_as_id_method_and_params_without_nulls()
    {
        var bytes = ProtocolCodec.WriteCommand(1, "run.start", new RunStartParams
        {
            AssistantId = "echo",
            Input = JsonDocument.Parse("""{"messages":["hi"]}""").RootElement,
            MultitaskStrategy = "reject",
        });

        Encoding.UTF8.GetString(bytes).Should().Be(
            """{"id":1,"method":"run.start","params":{"assistant_id":"echo","input":{"messages":["hi"]},"multitaskStrategy":"reject"}}""");
    }

    [Fact]
    public void A_command_without_params_has_no_params_member()
    {
        Encoding.UTF8.GetString(ProtocolCodec.WriteCommand(4, "agent.getTree", null)).Should().Be("""{"id":4,"method":"agent.getTree"}""");
    }

    [Fact]
    public void Command_params_of_a_type_unknown_to_the_context_are_refused()
    {
        var act = () => ProtocolCodec.WriteCommand(1, "x", new Uri("http://a"));

        act.Should().Throw<ArgumentException>().WithMessage("*Uri*");
    }

    [Fact]
    public void The_event_filter_body_has_since_only_when_set_and_namespaces_and_depth_only_with_namespaces()
    {
        var plain = new ThreadSubscribeOptions { Depth = 2 };
        plain.Channels.Add("values");
        var scoped = new ThreadSubscribeOptions { Depth = 1 };
        scoped.Channels.Add("messages");
        scoped.Namespaces.Add(["research"]);

        Serialize(ThreadStreamFilterRequest.From(plain)).Should().Be("""{"channels":["values"]}""");
        Serialize(ThreadStreamFilterRequest.From(plain, since: 9)).Should().Be("""{"channels":["values"],"since":9}""");
        Serialize(ThreadStreamFilterRequest.From(scoped)).Should().Be("""{"channels":["messages"],"namespaces":[["research"]],"depth":1}""");
    }

    private static string Serialize(ThreadStreamFilterRequest request) =>
        JsonSerializer.Serialize(request, LangGraphJsonContext.Default.ThreadStreamFilterRequest);
}
