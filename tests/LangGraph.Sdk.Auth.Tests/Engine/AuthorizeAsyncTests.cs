using System;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Auth.Tests.TestSupport;

namespace LangGraph.Sdk.Auth.Tests.Engine;

/// <summary>The two steps on their own, for hosts that authorize events with values they build (the JS server's handleAuthEvent).</summary>
public sealed class AuthorizeAsyncTests
{
    private static readonly IAuthUser Alice = new MinimalUserDict("alice") { Permissions = ["threads:write"] };

    private static Auth Build() => new Auth()
        .Authenticate(request => request.Authorization is null ? throw new AuthHttpException(401, "Missing") : new MinimalUserDict("alice"))
        .On<ThreadsCreate>("threads", "create", (ctx, value) =>
        {
            value.Metadata["owner"] = ctx.User.Identity;
            return new AuthFilter { ["owner"] = ctx.User.Identity };
        })
        .On<ThreadsDelete>("threads", "delete", (ctx, value) => ctx.Permissions.Contains("threads:admin"))
        .On<ThreadsRead>("threads", "read", (ctx, value) => null);

    [Fact]
    public async Task Returns_the_filter_and_lets_the_handler_change_the_value()
    {
        var value = new ThreadsCreate { ThreadId = "copy-of-t1" };

        var filter = await Build().AuthorizeAsync(Alice, "threads", "create", value);

        filter!.ToJsonString().Should().Be("""{"owner":"alice"}""");
        value.Metadata["owner"]!.GetValue<string>().Should().Be("alice");
    }

    [Fact]
    public async Task Returns_null_when_allowed_without_a_filter_or_when_no_handler_guards_the_event()
    {
        var auth = Build();

        (await auth.AuthorizeAsync(Alice, "threads", "read", new ThreadsRead())).Should().BeNull();
        (await auth.AuthorizeAsync(Alice, "store", "get", new StoreGet())).Should().BeNull();
    }

    [Fact]
    public async Task Throws_a_403_when_the_handler_denies()
    {
        var act = () => Build().AuthorizeAsync(Alice, "threads", "delete", new ThreadsDelete()).AsTask();

        var denial = (await act.Should().ThrowAsync<AuthHttpException>()).Which;
        denial.StatusCode.Should().Be(403);
        denial.Detail.Should().Be("Forbidden");
    }

    [Fact]
    public async Task Async_handlers_give_the_same_answers()
    {
        var auth = new Auth().Authenticate(_ => "a").On<object>(async (ctx, value, ct) =>
        {
            await Task.Yield();
            return ctx.Action == "read" ? new AuthFilter { ["k"] = "v" } : false;
        });

        (await auth.AuthorizeAsync(Alice, "threads", "read", new ThreadsRead()))!["k"].PlainValue.Should().Be("v");
        await FluentActions.Awaiting(() => auth.AuthorizeAsync(Alice, "threads", "delete", new ThreadsDelete()).AsTask())
            .Should().ThrowAsync<AuthHttpException>().Where(e => e.StatusCode == 403);
    }

    [Fact]
    public async Task Rejects_unknown_events_values_of_the_wrong_type_and_a_missing_user()
    {
        var auth = Build();

        await FluentActions.Awaiting(() => auth.AuthorizeAsync(Alice, "threads", "put", new StorePut()).AsTask())
            .Should().ThrowAsync<ArgumentException>().WithMessage("*\"threads:put\" is not an auth event*");
        await FluentActions.Awaiting(() => auth.AuthorizeAsync(Alice, "*", "read", new ThreadsRead()).AsTask())
            .Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => auth.AuthorizeAsync(Alice, "threads", "create", new ThreadsRead()).AsTask())
            .Should().ThrowAsync<ArgumentException>().WithMessage("The threads:create event carries a ThreadsCreate, not a ThreadsRead.*");
        await FluentActions.Awaiting(() => auth.AuthorizeAsync(Alice, "threads", "create", null!).AsTask())
            .Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(() => auth.AuthorizeAsync(null, "threads", "create", new ThreadsCreate()).AsTask())
            .Should().ThrowAsync<ArgumentNullException>().WithMessage("*every event needs the authenticated user*");
    }

    [Fact]
    public async Task AuthenticateAsync_throws_the_handlers_denial()
    {
        var auth = Build();

        (await auth.AuthenticateAsync(Requests.Bearer("GET", "/ok", "x")))!.Identity.Should().Be("alice");
        await FluentActions.Awaiting(() => auth.AuthenticateAsync(new AuthRequest("GET", "/ok")).AsTask())
            .Should().ThrowAsync<AuthHttpException>().WithMessage("401: Missing");
    }
}
