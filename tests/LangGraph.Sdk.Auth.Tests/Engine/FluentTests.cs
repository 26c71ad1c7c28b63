using System;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Auth.Tests.TestSupport;

namespace LangGraph.Sdk.Auth.Tests.Engine;

/// <summary>The fluent form: <c>new Auth().Authenticate(…).On(…)</c>, with the same checks as the attribute form.</summary>
public sealed class FluentTests
{
    [Fact]
    public async Task Every_authenticate_overload_works()
    {
        var sync = new Auth().Authenticate(r => new MinimalUserDict("sync-user"));
        var syncIdentity = new Auth().Authenticate(r => r.Method);
        var asyncUser = new Auth().Authenticate(async (r, ct) =>
        {
            await Task.Yield();
            return new StudioUser("async-user");
        });
        var asyncIdentity = new Auth().Authenticate((r, ct) => new ValueTask<string?>("async-identity"));

        (await sync.AuthenticateAsync(Requests.Make("GET", "/ok")))!.Identity.Should().Be("sync-user");
        (await syncIdentity.AuthenticateAsync(Requests.Make("GET", "/ok")))!.Should().BeOfType<MinimalUserDict>().Which.Identity.Should().Be("GET");
        (await asyncUser.AuthenticateAsync(Requests.Make("GET", "/ok")))!.Identity.Should().Be("async-user");
        (await asyncIdentity.AuthenticateAsync(Requests.Make("GET", "/ok")))!.Identity.Should().Be("async-identity");
    }

    [Fact]
    public async Task Every_on_overload_registers_its_key()
    {
        var auth = new Auth()
            .Authenticate(_ => "alice")
            .On<object>((ctx, value) => new AuthFilter { ["key"] = "*:*" })
            .On<object>("assistants", (ctx, value) => new AuthFilter { ["key"] = "assistants:*" })
            .On<StorePut>("store", "put", (ctx, value) => new AuthFilter { ["key"] = "store:put" })
            .On<object>("*", "search", async (ctx, value, ct) =>
            {
                await Task.Yield();
                return new AuthFilter { ["key"] = "*:search" };
            })
            .On<object>("crons", (ctx, value, ct) => new ValueTask<AuthResult?>(new AuthFilter { ["key"] = "crons:*" }));

        async Task<string> KeyOf(string method, string path, string? body = null) =>
            (await auth.HandleAsync(Requests.Make(method, path, body))).Filter!["key"].PlainValue!;

        (await KeyOf("GET", $"/threads/{Requests.ThreadId}")).Should().Be("*:*");
        (await KeyOf("POST", "/assistants", "{}")).Should().Be("assistants:*");
        (await KeyOf("POST", "/assistants/search", "{}")).Should().Be("assistants:*", "resource beats *:action");
        (await KeyOf("PUT", "/store/items", "{}")).Should().Be("store:put");
        (await KeyOf("POST", "/store/items/search", "{}")).Should().Be("*:search");
        (await KeyOf("DELETE", $"/runs/crons/{Requests.CronId}")).Should().Be("crons:*");
        auth.Handlers.Should().HaveCount(5);
        auth.FindHandler("store", "put")!.Name.Should().Be("On(\"store\", \"put\") delegate");
    }

    [Fact]
    public async Task An_async_global_handler_can_use_the_token()
    {
        using var cts = new CancellationTokenSource();
        CancellationToken seen = default;
        var auth = new Auth().Authenticate(_ => "a").On<object>((ctx, value, ct) =>
        {
            seen = ct;
            return default;
        });

        await auth.HandleAsync(Requests.Make("GET", $"/threads/{Requests.ThreadId}"), cts.Token);

        seen.Should().Be(cts.Token);
    }

    [Fact]
    public void A_second_authenticate_handler_is_refused()
    {
        var auth = new Auth().Authenticate(_ => "a");

        FluentActions.Invoking(() => auth.Authenticate(_ => "b")).Should().Throw<InvalidOperationException>()
            .WithMessage("Authentication handler already set (Authenticate(delegate)); an Auth has exactly one authenticate handler.");
    }

    [Fact]
    public void Registrations_are_checked_like_attributes()
    {
        var auth = new Auth().On<object>("threads", (c, v) => true);

        FluentActions.Invoking(() => auth.On<object>("threads", "*", (c, v) => true)).Should().Throw<ArgumentException>()
            .WithMessage("On(\"threads\", \"*\") delegate registers threads:*, which On(\"threads\", \"*\") delegate already registered*");
        FluentActions.Invoking(() => auth.On<object>("thread", (c, v) => true)).Should().Throw<ArgumentException>()
            .WithMessage("*names unknown resource \"thread\"*");
        FluentActions.Invoking(() => auth.On<object>("store", "create", (c, v) => true)).Should().Throw<ArgumentException>()
            .WithMessage("*names unknown action \"create\": store has no such action; its actions are delete, search, put, get, list_namespaces and *.*");
        FluentActions.Invoking(() => auth.On<ThreadsRead>("threads", "create", (c, v) => true)).Should().Throw<ArgumentException>()
            .WithMessage("*takes a value of type ThreadsRead, which cannot be bound: threads:create carries ThreadsCreate; declare the value parameter as ThreadsCreate.*");
        FluentActions.Invoking(() => auth.On<IMetadataValue>((c, v) => true)).Should().Throw<ArgumentException>()
            .WithMessage("*threads:read carries ThreadsRead*declare the value parameter as object or IMetadataValue*");
        FluentActions.Invoking(() => auth.On<object>("threads", "read", (Func<AuthContext, object, AuthResult?>)null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => auth.Authenticate((Func<AuthRequest, string?>)null!)).Should().Throw<ArgumentNullException>();
        auth.Handlers.Should().ContainSingle("failed registrations leave nothing behind");
    }
}
