using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Auth.Tests.TestSupport;

namespace LangGraph.Sdk.Auth.Tests.Engine;

/// <summary>One Auth serves every request: parallel requests never see each other's user, value or filter.</summary>
public sealed class ConcurrencyTests
{
    private sealed class Handlers
    {
        [Authenticate]
        public async ValueTask<MinimalUserDict> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
        {
            var user = authorization!["Bearer ".Length..];
            if (user.EndsWith('0'))
            {
                await Task.Yield();
            }

            return user.StartsWith("bad", StringComparison.Ordinal)
                ? throw new AuthHttpException(401, $"bad token {user}")
                : new MinimalUserDict(user) { Permissions = [$"perm-{user}"] };
        }

        [On("threads", "create")]
        public async Task<AuthResult?> OnCreateAsync(AuthContext ctx, ThreadsCreate value)
        {
            if (ctx.User.Identity.EndsWith('5'))
            {
                await Task.Delay(1);
            }

            value.Metadata["owner"] = ctx.User.Identity;
            return new AuthFilter { ["owner"] = ctx.User.Identity, ["perm"] = ctx.Permissions[0] };
        }
    }

    [Fact]
    public async Task Parallel_requests_each_get_their_own_user_value_filter_and_denial()
    {
        var auth = Auth.FromHandlers(new Handlers());
        const int count = 400;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            var user = i % 7 == 0 ? $"bad{i}" : $"user{i}";
            var outcome = await auth.HandleAsync(Requests.Bearer("POST", "/threads", user, "{\"metadata\":{\"n\":" + i + "}}"));
            return (i, user, outcome);
        })));

        foreach (var (i, user, outcome) in outcomes)
        {
            if (user.StartsWith("bad", StringComparison.Ordinal))
            {
                outcome.IsAllowed.Should().BeFalse();
                outcome.Denial!.Detail.Should().Be($"bad token {user}");
                continue;
            }

            outcome.User!.Identity.Should().Be(user);
            var value = (ThreadsCreate)outcome.Value!;
            value.Metadata.ToJsonString().Should().Be($$"""{"n":{{i}},"owner":"{{user}}"}""");
            outcome.Filter!.ToJsonString().Should().Be($$"""{"owner":"{{user}}","perm":"perm-{{user}}"}""");
            var configurable = new JsonObject();
            outcome.ApplyToConfigurable(configurable);
            configurable["langgraph_auth_user_id"]!.GetValue<string>().Should().Be(user);
        }
    }

    [Fact]
    public async Task The_first_requests_racing_to_freeze_the_registrations_all_see_the_same_handlers()
    {
        for (var round = 0; round < 20; round++)
        {
            var calls = 0;
            var auth = new Auth()
                .Authenticate(_ => "alice")
                .On<ThreadsRead>("threads", "read", (ctx, value) =>
                {
                    Interlocked.Increment(ref calls);
                    return false;
                });
            using var start = new ManualResetEventSlim();

            var tasks = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                start.Wait();
                return await auth.HandleAsync(Requests.Make("GET", $"/threads/{Requests.ThreadId}"));
            })).ToArray();
            start.Set();
            var outcomes = await Task.WhenAll(tasks);

            outcomes.Should().OnlyContain(o => !o.IsAllowed && o.Denial!.StatusCode == 403);
            calls.Should().Be(8);
        }
    }

    [Fact]
    public async Task One_user_object_returned_for_every_request_is_safe_to_share()
    {
        var shared = new MinimalUserDict("service") { ["org"] = new JsonObject { ["id"] = 1 } };
        var auth = new Auth().Authenticate(_ => shared);
        var configurables = new ConcurrentBag<string>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 200), async (i, ct) =>
        {
            var outcome = await auth.HandleAsync(Requests.Make("POST", "/runs", """{"assistant_id":"a"}"""), ct);
            var configurable = new JsonObject();
            outcome.ApplyToConfigurable(configurable);
            configurables.Add(configurable.ToJsonString());
        });

        configurables.Distinct().Should().ContainSingle();
    }
}
