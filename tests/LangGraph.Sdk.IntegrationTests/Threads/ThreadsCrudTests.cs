using System;
using System.Threading.Tasks;
using FluentAssertions;

namespace LangGraph.Sdk.IntegrationTests.Threads;

public abstract class ThreadsCrudScenarios(AuthServerFixture server)
{
    [Fact]
    public async Task Create_stamps_the_owner_and_keeps_metadata_and_graph_id()
    {
        using var alice = server.CreateClient(LangGraphServerFixture.AliceToken);
        var options = new ThreadCreateOptions { GraphId = "echo" };
        options.Metadata["topic"] = "billing";
        options.Metadata["priority"] = 3;

        var thread = await alice.Threads.CreateAsync(options);

        thread.ThreadId.Should().NotBeNullOrEmpty();
        Guid.TryParse(thread.ThreadId, out _).Should().BeTrue();
        thread.Metadata["owner"].GetString().Should().Be("alice");
        thread.Metadata["topic"].GetString().Should().Be("billing");
        thread.Metadata["priority"].GetInt32().Should().Be(3);
        thread.Metadata["graph_id"].GetString().Should().Be("echo");
        thread.Status.Should().Be(ThreadStatus.Idle);
        thread.CreatedAt.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        thread.UpdatedAt.Should().BeOnOrAfter(thread.CreatedAt);
    }

    [Fact]
    public async Task Create_with_a_client_chosen_id_then_get_it()
    {
        using var alice = server.CreateClient();
        var id = Guid.NewGuid().ToString();

        var created = await alice.Threads.CreateAsync(new ThreadCreateOptions { ThreadId = id });
        var fetched = await alice.Threads.GetAsync(id);

        created.ThreadId.Should().Be(id);
        fetched.ThreadId.Should().Be(id);
        fetched.Metadata["owner"].GetString().Should().Be("alice");
    }

    [Fact]
    public async Task Create_an_existing_id_raises_409_unless_do_nothing()
    {
        using var alice = server.CreateClient();
        var id = Guid.NewGuid().ToString();
        var first = await alice.Threads.CreateAsync(new ThreadCreateOptions { ThreadId = id });

        var raise = () => alice.Threads.CreateAsync(new ThreadCreateOptions { ThreadId = id, IfExists = OnConflictBehavior.Raise });
        var conflict = (await raise.Should().ThrowAsync<LangGraphConflictException>()).Which;
        conflict.StatusCode.Should().Be(409);
        conflict.Detail.Should().Be("Thread already exists");

        var again = await alice.Threads.CreateAsync(new ThreadCreateOptions { ThreadId = id, IfExists = OnConflictBehavior.DoNothing });
        again.ThreadId.Should().Be(first.ThreadId);
        again.CreatedAt.Should().Be(first.CreatedAt);
    }

    [Fact]
    public async Task Another_users_thread_is_not_found()
    {
        using var alice = server.CreateClient(LangGraphServerFixture.AliceToken);
        using var bob = server.CreateClient(LangGraphServerFixture.BobToken);
        var thread = await alice.Threads.CreateAsync();

        var get = () => bob.Threads.GetAsync(thread.ThreadId);

        var ex = (await get.Should().ThrowAsync<LangGraphNotFoundException>()).Which;
        ex.StatusCode.Should().Be(404);
        ex.Detail.Should().Be($"Thread with ID {thread.ThreadId} not found");
        ex.ResponseBody.Should().Be(server.ErrorBody($"Thread with ID {thread.ThreadId} not found"));
        ex.Message.Should().Contain("404").And.Contain($"/threads/{thread.ThreadId}").And.Contain("not found");
    }

    [Fact]
    public async Task Update_merges_metadata_and_return_minimal_gives_null()
    {
        using var alice = server.CreateClient();
        var create = new ThreadCreateOptions();
        create.Metadata["a"] = 1;
        var thread = await alice.Threads.CreateAsync(create);

        var update = new ThreadUpdateOptions();
        update.Metadata["b"] = "two";
        var updated = await alice.Threads.UpdateAsync(thread.ThreadId, update);

        updated.Should().NotBeNull();
        updated!.Metadata["a"].GetInt32().Should().Be(1);
        updated.Metadata["b"].GetString().Should().Be("two");
        updated.Metadata["owner"].GetString().Should().Be("alice");

        var minimal = new ThreadUpdateOptions { ReturnMinimal = true };
        minimal.Metadata["c"] = true;
        (await alice.Threads.UpdateAsync(thread.ThreadId, minimal)).Should().BeNull();
        (await alice.Threads.GetAsync(thread.ThreadId)).Metadata["c"].GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Update_of_another_users_thread_is_not_found()
    {
        using var alice = server.CreateClient(LangGraphServerFixture.AliceToken);
        using var bob = server.CreateClient(LangGraphServerFixture.BobToken);
        var thread = await alice.Threads.CreateAsync();
        var update = new ThreadUpdateOptions();
        update.Metadata["owner"] = "bob";

        var act = () => bob.Threads.UpdateAsync(thread.ThreadId, update);

        (await act.Should().ThrowAsync<LangGraphNotFoundException>()).Which.Detail.Should().Be("Thread not found");
        (await alice.Threads.GetAsync(thread.ThreadId)).Metadata["owner"].GetString().Should().Be("alice");
    }

    [Fact]
    public async Task Delete_removes_the_thread_and_another_user_cannot_delete()
    {
        using var alice = server.CreateClient(LangGraphServerFixture.AliceToken);
        using var bob = server.CreateClient(LangGraphServerFixture.BobToken);
        var thread = await alice.Threads.CreateAsync();

        var bobDelete = () => bob.Threads.DeleteAsync(thread.ThreadId);
        await bobDelete.Should().ThrowAsync<LangGraphNotFoundException>();
        (await alice.Threads.GetAsync(thread.ThreadId)).ThreadId.Should().Be(thread.ThreadId);

        await alice.Threads.DeleteAsync(thread.ThreadId);

        var get = () => alice.Threads.GetAsync(thread.ThreadId);
        await get.Should().ThrowAsync<LangGraphNotFoundException>();
        var deleteAgain = () => alice.Threads.DeleteAsync(thread.ThreadId);
        await deleteAgain.Should().ThrowAsync<LangGraphNotFoundException>();
    }

    [Fact]
    public async Task Copy_makes_a_new_thread_for_the_owner_and_409_for_another_user()
    {
        using var alice = server.CreateClient(LangGraphServerFixture.AliceToken);
        using var bob = server.CreateClient(LangGraphServerFixture.BobToken);
        var create = new ThreadCreateOptions();
        create.Metadata["source"] = "original";
        var thread = await alice.Threads.CreateAsync(create);

        var copy = await alice.Threads.CopyAsync(thread.ThreadId);

        copy.ThreadId.Should().NotBe(thread.ThreadId);
        copy.Metadata["source"].GetString().Should().Be("original");
        copy.Metadata["owner"].GetString().Should().Be("alice");
        (await alice.Threads.GetAsync(copy.ThreadId)).ThreadId.Should().Be(copy.ThreadId);

        var bobCopy = () => bob.Threads.CopyAsync(thread.ThreadId);
        (await bobCopy.Should().ThrowAsync<LangGraphConflictException>()).Which.Detail.Should().Be("Thread not found");
    }

    [Fact]
    public async Task A_non_uuid_thread_id_gets_the_servers_validation_error()
    {
        using var alice = server.CreateClient();

        var act = () => alice.Threads.GetAsync("not-a-uuid");

        var ex = (await act.Should().ThrowAsync<LangGraphApiException>()).Which;
        ex.StatusCode.Should().Be(400);
        ex.ResponseBody.Should().Contain("ZodError");
    }
}

/// <summary>The scenarios against the JS server's own auth (tests/server/src/auth.ts).</summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class ThreadsCrudTests(LangGraphServerFixture server) : ThreadsCrudScenarios(server);
