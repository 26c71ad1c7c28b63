using System.Collections.Generic;
using System.Text.Json;
using FluentAssertions;

namespace LangGraph.Sdk.Tests.Serialization;

public class ExtensibleEnumTests
{
    private sealed record Holder(ThreadStatus Status, ThreadSortBy? SortBy, SortOrder Order, PruneStrategy Strategy, OnConflictBehavior IfExists, ThreadStreamMode Mode);

    [Fact]
    public void Known_values_have_the_python_wire_strings()
    {
        new[] { ThreadStatus.Idle, ThreadStatus.Busy, ThreadStatus.Interrupted, ThreadStatus.Error }
            .Should().Equal(new ThreadStatus("idle"), new ThreadStatus("busy"), new ThreadStatus("interrupted"), new ThreadStatus("error"));
        new[] { ThreadSortBy.ThreadId, ThreadSortBy.Status, ThreadSortBy.CreatedAt, ThreadSortBy.UpdatedAt, ThreadSortBy.StateUpdatedAt }
            .Should().Equal(new ThreadSortBy("thread_id"), new ThreadSortBy("status"), new ThreadSortBy("created_at"), new ThreadSortBy("updated_at"), new ThreadSortBy("state_updated_at"));
        SortOrder.Ascending.Value.Should().Be("asc");
        SortOrder.Descending.Value.Should().Be("desc");
        PruneStrategy.Delete.Value.Should().Be("delete");
        PruneStrategy.KeepLatest.Value.Should().Be("keep_latest");
        OnConflictBehavior.Raise.Value.Should().Be("raise");
        OnConflictBehavior.DoNothing.Value.Should().Be("do_nothing");
        ThreadStreamMode.RunModes.Value.Should().Be("run_modes");
        ThreadStreamMode.Lifecycle.Value.Should().Be("lifecycle");
        ThreadStreamMode.StateUpdate.Value.Should().Be("state_update");
    }

    [Fact]
    public void Equality_is_by_value()
    {
        (ThreadStatus.Idle == new ThreadStatus("idle")).Should().BeTrue();
        (ThreadStatus.Idle != ThreadStatus.Busy).Should().BeTrue();
        ThreadStatus.Idle.Equals((object)new ThreadStatus("idle")).Should().BeTrue();
        ThreadStatus.Idle.GetHashCode().Should().Be(new ThreadStatus("idle").GetHashCode());
        new HashSet<ThreadStatus> { "idle", ThreadStatus.Idle, "busy" }.Should().HaveCount(2);
    }

    [Fact]
    public void Equality_is_case_sensitive_like_the_wire()
    {
        new ThreadStatus("Idle").Should().NotBe(ThreadStatus.Idle);
    }

    [Fact]
    public void Strings_convert_implicitly()
    {
        ThreadStatus status = "busy";
        ThreadSortBy sortBy = "created_at";
        SortOrder order = "desc";
        PruneStrategy strategy = "keep_latest";
        OnConflictBehavior ifExists = "do_nothing";
        ThreadStreamMode mode = "lifecycle";

        status.Should().Be(ThreadStatus.Busy);
        sortBy.Should().Be(ThreadSortBy.CreatedAt);
        order.Should().Be(SortOrder.Descending);
        strategy.Should().Be(PruneStrategy.KeepLatest);
        ifExists.Should().Be(OnConflictBehavior.DoNothing);
        mode.Should().Be(ThreadStreamMode.Lifecycle);
    }

    [Fact]
    public void ToString_is_the_wire_value_and_default_is_empty()
    {
        ThreadStatus.Interrupted.ToString().Should().Be("interrupted");
        new ThreadStatus("future").ToString().Should().Be("future");
        default(ThreadStatus).ToString().Should().BeEmpty();
        default(SortOrder).ToString().Should().BeEmpty();
    }

    [Fact]
    public void Values_serialise_as_json_strings()
    {
        var json = JsonSerializer.Serialize(
            new Holder(ThreadStatus.Busy, ThreadSortBy.UpdatedAt, SortOrder.Ascending, PruneStrategy.KeepLatest, OnConflictBehavior.Raise, ThreadStreamMode.StateUpdate),
            LangGraphJsonUtilities.DefaultOptions);

        json.Should().Be("""{"status":"busy","sort_by":"updated_at","order":"asc","strategy":"keep_latest","if_exists":"raise","mode":"state_update"}""");
    }

    [Fact]
    public void Unknown_values_round_trip_through_json()
    {
        const string json = """{"status":"hibernating","sort_by":"score","order":"random","strategy":"archive","if_exists":"update","mode":"everything"}""";

        var holder = JsonSerializer.Deserialize<Holder>(json, LangGraphJsonUtilities.DefaultOptions)!;

        holder.Status.Value.Should().Be("hibernating");
        holder.SortBy!.Value.Value.Should().Be("score");
        holder.Order.Value.Should().Be("random");
        holder.Strategy.Value.Should().Be("archive");
        holder.IfExists.Value.Should().Be("update");
        holder.Mode.Value.Should().Be("everything");
        JsonSerializer.Serialize(holder, LangGraphJsonUtilities.DefaultOptions).Should().Be(json);
    }

    [Fact]
    public void A_non_string_token_is_a_JsonException()
    {
        var act = () => JsonSerializer.Deserialize<ThreadStatus>("42", LangGraphJsonUtilities.DefaultOptions);

        act.Should().Throw<JsonException>().WithMessage("*ThreadStatus*");
    }

    [Fact]
    public void A_nullable_enum_reads_json_null_as_null()
    {
        JsonSerializer.Deserialize<ThreadStatus?>("null", LangGraphJsonUtilities.DefaultOptions).Should().BeNull();
        JsonSerializer.Deserialize<ThreadStatus?>("\"idle\"", LangGraphJsonUtilities.DefaultOptions).Should().Be(ThreadStatus.Idle);
    }
}
