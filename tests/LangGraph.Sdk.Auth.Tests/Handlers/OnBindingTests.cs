using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Auth.Tests.TestSupport;

namespace LangGraph.Sdk.Auth.Tests.Handlers;

/// <summary>Every return shape and value parameter an [On] handler can declare, bound and run.</summary>
public sealed class OnBindingTests
{
    private const string ReadPath = "/threads/" + Requests.ThreadId;

    /// <summary>Base of the handler classes below: authenticates with the token as identity; "deny" and "throw" steer the handlers.</summary>
    public abstract class Handlers
    {
        [Authenticate]
        public string Authenticate(string? authorization) => authorization!["Bearer ".Length..];

        protected static bool Allowed(AuthContext ctx) => ctx.User.Identity != "deny";

        protected static AuthFilter Owner(AuthContext ctx) => new() { ["owner"] = ctx.User.Identity };

        protected static void ThrowIfAsked(AuthContext ctx)
        {
            if (ctx.User.Identity == "throw")
            {
                throw new AuthHttpException(418, "teapot");
            }
        }
    }

    public sealed class ReturnsAuthResult : Handlers
    {
        [On("threads", "read")]
        public AuthResult? On(AuthContext ctx, ThreadsRead value) { ThrowIfAsked(ctx); return Allowed(ctx) ? Owner(ctx) : false; }
    }

    public sealed class ReturnsAuthFilter : Handlers
    {
        [On("threads", "read")]
        public AuthFilter? On(AuthContext ctx, ThreadsRead value) { ThrowIfAsked(ctx); return Allowed(ctx) ? Owner(ctx) : throw new AuthHttpException(403); }
    }

    public sealed class ReturnsBool : Handlers
    {
        [On("threads", "read")]
        public bool On(AuthContext ctx, ThreadsRead value) { ThrowIfAsked(ctx); return Allowed(ctx); }
    }

    public sealed class ReturnsVoid : Handlers
    {
        [On("threads", "read")]
        public void On(AuthContext ctx, ThreadsRead value) { ThrowIfAsked(ctx); if (!Allowed(ctx)) throw new AuthHttpException(403); }
    }

    public sealed class ReturnsTask : Handlers
    {
        [On("threads", "read")]
        public async Task On(AuthContext ctx, ThreadsRead value) { await Task.Yield(); ThrowIfAsked(ctx); if (!Allowed(ctx)) throw new AuthHttpException(403); }
    }

    public sealed class ReturnsTaskOfAuthResult : Handlers
    {
        [On("threads", "read")]
        public async Task<AuthResult?> On(AuthContext ctx, ThreadsRead value) { await Task.Yield(); ThrowIfAsked(ctx); return Allowed(ctx) ? Owner(ctx) : false; }
    }

    public sealed class ReturnsTaskOfAuthFilter : Handlers
    {
        [On("threads", "read")]
        public Task<AuthFilter?> On(AuthContext ctx, ThreadsRead value) { ThrowIfAsked(ctx); return Task.FromResult<AuthFilter?>(Allowed(ctx) ? Owner(ctx) : throw new AuthHttpException(403)); }
    }

    public sealed class ReturnsTaskOfBool : Handlers
    {
        [On("threads", "read")]
        public async Task<bool> On(AuthContext ctx, ThreadsRead value) { await Task.Yield(); ThrowIfAsked(ctx); return Allowed(ctx); }
    }

    public sealed class ReturnsValueTask : Handlers
    {
        [On("threads", "read")]
        public ValueTask On(AuthContext ctx, ThreadsRead value) { ThrowIfAsked(ctx); return Allowed(ctx) ? default : throw new AuthHttpException(403); }
    }

    public sealed class ReturnsValueTaskOfAuthResult : Handlers
    {
        [On("threads", "read")]
        public ValueTask<AuthResult?> On(AuthContext ctx, ThreadsRead value) { ThrowIfAsked(ctx); return new(Allowed(ctx) ? Owner(ctx) : AuthResult.Deny); }
    }

    public sealed class ReturnsValueTaskOfAuthFilter : Handlers
    {
        [On("threads", "read")]
        public async ValueTask<AuthFilter?> On(AuthContext ctx, ThreadsRead value) { await Task.Yield(); ThrowIfAsked(ctx); return Allowed(ctx) ? Owner(ctx) : throw new AuthHttpException(403); }
    }

    public sealed class ReturnsValueTaskOfBool : Handlers
    {
        [On("threads", "read")]
        public async ValueTask<bool> On(AuthContext ctx, ThreadsRead value, CancellationToken cancellationToken) { await Task.Yield(); ThrowIfAsked(ctx); return Allowed(ctx); }
    }

    public sealed class StaticHandler : Handlers
    {
        [On("threads", "read")]
        private static AuthResult On(AuthContext ctx, ThreadsRead value) { ThrowIfAsked(ctx); return Allowed(ctx) ? Owner(ctx) : false; }
    }

    private static Auth Build(string shape) => shape switch
    {
        nameof(ReturnsAuthResult) => Auth.FromHandlers(new ReturnsAuthResult()),
        nameof(ReturnsAuthFilter) => Auth.FromHandlers(new ReturnsAuthFilter()),
        nameof(ReturnsBool) => Auth.FromHandlers(new ReturnsBool()),
        nameof(ReturnsVoid) => Auth.FromHandlers(new ReturnsVoid()),
        nameof(ReturnsTask) => Auth.FromHandlers(new ReturnsTask()),
        nameof(ReturnsTaskOfAuthResult) => Auth.FromHandlers(new ReturnsTaskOfAuthResult()),
        nameof(ReturnsTaskOfAuthFilter) => Auth.FromHandlers(new ReturnsTaskOfAuthFilter()),
        nameof(ReturnsTaskOfBool) => Auth.FromHandlers(new ReturnsTaskOfBool()),
        nameof(ReturnsValueTask) => Auth.FromHandlers(new ReturnsValueTask()),
        nameof(ReturnsValueTaskOfAuthResult) => Auth.FromHandlers(new ReturnsValueTaskOfAuthResult()),
        nameof(ReturnsValueTaskOfAuthFilter) => Auth.FromHandlers(new ReturnsValueTaskOfAuthFilter()),
        nameof(ReturnsValueTaskOfBool) => Auth.FromHandlers(new ReturnsValueTaskOfBool()),
        _ => Auth.FromHandlers(new StaticHandler()),
    };

    /// <summary>(handlers class, whether an allowed request comes back with the owner filter).</summary>
    public static TheoryData<string, bool> Shapes => new()
    {
        { nameof(ReturnsAuthResult), true },
        { nameof(ReturnsAuthFilter), true },
        { nameof(ReturnsBool), false },
        { nameof(ReturnsVoid), false },
        { nameof(ReturnsTask), false },
        { nameof(ReturnsTaskOfAuthResult), true },
        { nameof(ReturnsTaskOfAuthFilter), true },
        { nameof(ReturnsTaskOfBool), false },
        { nameof(ReturnsValueTask), false },
        { nameof(ReturnsValueTaskOfAuthResult), true },
        { nameof(ReturnsValueTaskOfAuthFilter), true },
        { nameof(ReturnsValueTaskOfBool), false },
        { nameof(StaticHandler), true },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Every_return_shape_allows_denies_filters_and_throws(string shape, bool filters)
    {
        var auth = Build(shape);

        var allowed = await auth.HandleAsync(Requests.Bearer("GET", ReadPath, "alice"));
        var denied = await auth.HandleAsync(Requests.Bearer("GET", ReadPath, "deny"));
        var thrown = await auth.HandleAsync(Requests.Bearer("GET", ReadPath, "throw"));

        allowed.IsAllowed.Should().BeTrue();
        allowed.Filter?.ToJsonString().Should().Be("""{"owner":"alice"}""");
        (allowed.Filter is not null).Should().Be(filters);
        denied.IsAllowed.Should().BeFalse();
        denied.Denial!.StatusCode.Should().Be(403);
        thrown.Denial!.StatusCode.Should().Be(418);
        thrown.Denial.Detail.Should().Be("teapot");
    }

    public sealed class ObjectValue : Handlers
    {
        [On]
        public AuthResult On(AuthContext ctx, object value) => new AuthFilter { ["type"] = value.GetType().Name };
    }

    public sealed class MetadataValue : Handlers
    {
        [On("threads", "create")]
        [On("threads", "create_run")]
        [On("assistants", "create")]
        public AuthResult On(AuthContext ctx, IMetadataValue value)
        {
            value.Metadata["owner"] = ctx.User.Identity;
            return true;
        }
    }

    [Fact]
    public async Task A_handler_typed_object_receives_every_events_value()
    {
        var auth = Auth.FromHandlers(new ObjectValue());

        (await auth.HandleAsync(Requests.Bearer("GET", ReadPath, "a"))).Filter!["type"].PlainValue.Should().Be(nameof(ThreadsRead));
        (await auth.HandleAsync(Requests.Bearer("PUT", "/store/items", "a", """{"namespace":["a"],"key":"k","value":{}}""")))
            .Filter!["type"].PlainValue.Should().Be(nameof(StorePut));
    }

    [Fact]
    public async Task A_handler_typed_IMetadataValue_stamps_metadata_on_any_event_that_has_it()
    {
        var auth = Auth.FromHandlers(new MetadataValue());

        var thread = await auth.HandleAsync(Requests.Bearer("POST", "/threads", "alice", """{"metadata":{"topic":"billing"}}"""));
        var run = await auth.HandleAsync(Requests.Bearer("POST", $"/threads/{Requests.ThreadId}/runs", "alice", """{"assistant_id":"agent"}"""));
        var assistant = await auth.HandleAsync(Requests.Bearer("POST", "/assistants", "alice", """{"graph_id":"agent"}"""));

        ((ThreadsCreate)thread.Value!).Metadata.ToJsonString().Should().Be("""{"topic":"billing","owner":"alice"}""");
        ((RunsCreate)run.Value!).Metadata["owner"]!.GetValue<string>().Should().Be("alice");
        ((AssistantsCreate)assistant.Value!).Metadata["owner"]!.GetValue<string>().Should().Be("alice");
    }

    public sealed class TokenHandler : Handlers
    {
        [On("threads", "read")]
        public async Task<bool> On(AuthContext ctx, ThreadsRead value, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return true;
        }
    }

    [Fact]
    public async Task The_cancellation_token_reaches_an_on_handler()
    {
        using var cts = new CancellationTokenSource();
        var pending = Auth.FromHandlers(new TokenHandler()).HandleAsync(Requests.Bearer("GET", ReadPath, "a"), cts.Token).AsTask();

        await cts.CancelAsync();

        await pending.Invoking(p => p).Should().ThrowAsync<TaskCanceledException>();
    }
}
