using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;

namespace LangGraph.Sdk.IntegrationTests.Threads;

public abstract class ThreadsStateScenarios(AuthServerFixture server)
{
    [Fact]
    public async Task A_new_thread_has_empty_state_and_history()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();

        var state = await alice.Threads.GetStateAsync(thread.ThreadId);
        var history = await alice.Threads.GetHistoryAsync(thread.ThreadId);

        state.Values.ValueKind.Should().Be(JsonValueKind.Object);
        state.Values.EnumerateObject().Should().BeEmpty();
        state.Next.Should().BeEmpty();
        state.Checkpoint.Should().BeNull();
        state.CreatedAt.Should().BeNull();
        state.Tasks.Should().BeEmpty();
        history.Should().BeEmpty();
    }

    [Fact]
    public async Task Update_state_then_read_it_by_latest_checkpoint_and_checkpoint_id()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync(new ThreadCreateOptions { GraphId = "echo" });

        var update = await alice.Threads.UpdateStateAsync(
            thread.ThreadId,
            new Dictionary<string, object?> { ["messages"] = new[] { "seeded" } },
            new ThreadUpdateStateOptions { AsNode = "echo" });

        var checkpoint = update.Checkpoint;
        checkpoint.Should().NotBeNull();
        checkpoint!.ThreadId.Should().Be(thread.ThreadId);
        checkpoint.CheckpointId.Should().NotBeNullOrEmpty();
        checkpoint.CheckpointNs.Should().Be(string.Empty);

        var latest = await alice.Threads.GetStateAsync(thread.ThreadId);
        var byCheckpoint = await alice.Threads.GetStateAsync(thread.ThreadId, new ThreadGetStateOptions { Checkpoint = checkpoint });
        var byId = await alice.Threads.GetStateAsync(thread.ThreadId, new ThreadGetStateOptions { CheckpointId = checkpoint.CheckpointId });

        foreach (var state in new[] { latest, byCheckpoint, byId })
        {
            state.Values.GetProperty("messages").EnumerateArray().Select(m => m.GetString()).Should().Equal("seeded");
            state.Checkpoint!.CheckpointId.Should().Be(checkpoint.CheckpointId);
            state.CreatedAt.Should().NotBeNull();
        }

        var history = await alice.Threads.GetHistoryAsync(thread.ThreadId);
        history.Should().NotBeEmpty();
        history[0].Checkpoint!.CheckpointId.Should().Be(checkpoint.CheckpointId);
        history[0].Values.GetProperty("messages")[0].GetString().Should().Be("seeded");
    }

    [Fact]
    public async Task History_pages_with_limit_and_before()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync(new ThreadCreateOptions { GraphId = "echo" });
        for (var i = 1; i <= 3; i++)
        {
            await alice.Threads.UpdateStateAsync(
                thread.ThreadId,
                new Dictionary<string, object?> { ["messages"] = new[] { $"m{i}" } },
                new ThreadUpdateStateOptions { AsNode = "echo" });
        }

        var all = await alice.Threads.GetHistoryAsync(thread.ThreadId);
        var firstTwo = await alice.Threads.GetHistoryAsync(thread.ThreadId, new ThreadGetHistoryOptions { Limit = 2 });
        var before = await alice.Threads.GetHistoryAsync(thread.ThreadId, new ThreadGetHistoryOptions { Before = all[0].Checkpoint!.CheckpointId });

        all.Should().HaveCountGreaterThanOrEqualTo(3);
        firstTwo.Should().HaveCount(2);
        firstTwo.Select(s => s.Checkpoint!.CheckpointId).Should().Equal(all.Take(2).Select(s => s.Checkpoint!.CheckpointId));
        before.Select(s => s.Checkpoint!.CheckpointId).Should().Equal(all.Skip(1).Select(s => s.Checkpoint!.CheckpointId));
    }

    [Fact]
    public async Task Create_with_supersteps_seeds_the_state()
    {
        using var alice = server.CreateClient();
        var superstep = new ThreadSuperstep();
        superstep.Updates.Add(new ThreadSuperstepUpdate
        {
            Values = new Dictionary<string, object?> { ["messages"] = new[] { "from superstep" } },
            AsNode = "echo",
        });
        var options = new ThreadCreateOptions { GraphId = "echo" };
        options.Supersteps.Add(superstep);

        var thread = await alice.Threads.CreateAsync(options);
        var state = await alice.Threads.GetStateAsync(thread.ThreadId);

        state.Values.GetProperty("messages").EnumerateArray().Select(m => m.GetString()).Should().Equal("from superstep");
    }

    [Fact]
    public async Task Another_users_state_and_history_are_not_found()
    {
        using var alice = server.CreateClient(LangGraphServerFixture.AliceToken);
        using var bob = server.CreateClient(LangGraphServerFixture.BobToken);
        var thread = await alice.Threads.CreateAsync(new ThreadCreateOptions { GraphId = "echo" });

        var getState = () => bob.Threads.GetStateAsync(thread.ThreadId);
        var history = () => bob.Threads.GetHistoryAsync(thread.ThreadId);
        var updateState = () => bob.Threads.UpdateStateAsync(thread.ThreadId, new Dictionary<string, object?> { ["messages"] = new[] { "x" } }, new ThreadUpdateStateOptions { AsNode = "echo" });

        await getState.Should().ThrowAsync<LangGraphNotFoundException>();
        await history.Should().ThrowAsync<LangGraphNotFoundException>();
        await updateState.Should().ThrowAsync<LangGraphNotFoundException>();
    }
}

/// <summary>The scenarios against the JS server's own auth (tests/server/src/auth.ts).</summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class ThreadsStateTests(LangGraphServerFixture server) : ThreadsStateScenarios(server);
