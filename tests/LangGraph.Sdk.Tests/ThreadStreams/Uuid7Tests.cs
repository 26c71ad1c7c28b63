using System;
using System.Linq;
using FluentAssertions;
using LangGraph.Sdk.ThreadStreams;

namespace LangGraph.Sdk.Tests.ThreadStreams;

public class Uuid7Tests
{
    [Fact]
    public void A_minted_id_is_a_lower_case_version_7_variant_10_uuid_with_the_time_first()
    {
        var clock = new TestSupport.ManualTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(0x0123456789AB));

        var id = Uuid7.NewId(clock);

        id.Should().MatchRegex("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
        id.Should().StartWith("01234567-89ab-7");
    }

    [Fact]
    public void Ids_are_unique_and_ordered_by_time()
    {
        var early = Uuid7.NewId(new TestSupport.ManualTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_000)));
        var late = Uuid7.NewId(new TestSupport.ManualTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(2_000)));
        var many = Enumerable.Range(0, 1000).Select(_ => Uuid7.NewId()).ToHashSet();

        string.CompareOrdinal(early, late).Should().BeNegative();
        many.Should().HaveCount(1000);
    }
}
