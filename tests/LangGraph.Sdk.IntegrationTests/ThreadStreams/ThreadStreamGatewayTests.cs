using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.IntegrationTests.Gateway;

namespace LangGraph.Sdk.IntegrationTests.ThreadStreams;

/// <summary>
/// Two users through the C# gateway, which authorizes every protocol request as its own caller: bob cannot read alice's
/// thread stream. (The JS server alone keeps the first caller's user per thread and would let him:
/// <see cref="ThreadStreamTests.On_the_JS_auth_server_bob_reads_alice_thread_stream_because_the_server_keeps_the_first_caller_per_thread"/>.)
/// The gateway refuses WebSocket upgrades (400), so over it only SSE works.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ThreadStreamGatewayTests(GatewayFixture gateway)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Bob_cannot_read_the_state_or_the_events_of_alice_thread_stream()
    {
        using var alice = gateway.CreateClient();
        using var bob = gateway.CreateClient(LangGraphServerFixture.BobToken);
        await using var aliceThread = alice.Threads.Stream(null, new ThreadStreamOptions { AssistantId = "echo" });
        await aliceThread.StartRunAsync(new Dictionary<string, object?> { ["messages"] = new[] { "secret" } }).WaitAsync(Timeout);
        var output = await aliceThread.GetOutputAsync().WaitAsync(Timeout);
        await using var bobThread = bob.Threads.Stream(aliceThread.ThreadId, new ThreadStreamOptions { AssistantId = "echo" });

        var state = () => bobThread.GetStateAsync().WaitAsync(Timeout);
        var events = () => bobThread.Events.FirstAsync().AsTask().WaitAsync(Timeout);

        output.GetProperty("messages")[1].GetString().Should().Be("echo: secret");
        await state.Should().ThrowAsync<LangGraphNotFoundException>();
        await events.Should().ThrowAsync<LangGraphNotFoundException>();
        (await aliceThread.GetStateAsync()).Values.GetProperty("messages")[0].GetString().Should().Be("secret");
    }

    [Fact]
    public async Task The_gateway_refuses_a_WebSocket_thread_stream_with_a_typed_error()
    {
        using var alice = gateway.CreateClient();
        await using var thread = alice.Threads.Stream(null, new ThreadStreamOptions { AssistantId = "echo", Transport = ThreadStreamTransport.WebSocket });

        var act = () => thread.StartRunAsync(new Dictionary<string, object?> { ["messages"] = new[] { "x" } });

        (await act.Should().ThrowAsync<LangGraphApiException>()).Which.StatusCode.Should().Be(400);
    }
}
