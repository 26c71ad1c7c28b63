using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Auth.Tests.TestSupport;

namespace LangGraph.Sdk.Auth.Tests.Handlers;

/// <summary>Every parameter an [Authenticate] handler can take, and every return shape.</summary>
public sealed class AuthenticateBindingTests
{
    private static async Task<IAuthUser> AuthenticateAsync<T>(T handlers, AuthRequest request, CancellationToken cancellationToken = default)
        where T : class
    {
        var user = await Auth.FromHandlers(handlers).AuthenticateAsync(request, cancellationToken);
        return user!;
    }

    private static AuthRequest Request() => new("POST", $"/threads/{Requests.ThreadId}/runs/{Requests.RunId}/cancel?action=rollback&wait=1")
    {
        Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer tok", ["X-Api-Key"] = "key-1" },
    };

    private sealed class HeadersHandler
    {
        [Authenticate]
        public MinimalUserDict Authenticate(IReadOnlyDictionary<string, string> headers) =>
            new(headers["x-api-key"]) { ["auth"] = headers["AUTHORIZATION"], ["count"] = headers.Count };
    }

    [Fact]
    public async Task Headers_are_bound_by_name_and_looked_up_case_insensitively()
    {
        var user = await AuthenticateAsync(new HeadersHandler(), Request());

        user.Identity.Should().Be("key-1");
        user["auth"]!.GetValue<string>().Should().Be("Bearer tok");
        user["count"]!.GetValue<int>().Should().Be(2);
    }

    private sealed class EverythingHandler
    {
        [Authenticate]
        public MinimalUserDict Authenticate(
            string? authorization,
            string path,
            string method,
            IReadOnlyDictionary<string, string> pathParams,
            IReadOnlyDictionary<string, string> queryParams,
            AuthRequest request,
            CancellationToken cancellationToken,
            IEnumerable<KeyValuePair<string, string>> headers) =>
            new("u")
            {
                ["authorization"] = authorization,
                ["path"] = path,
                ["method"] = method,
                ["thread_id"] = pathParams["thread_id"],
                ["run_id"] = pathParams["run_id"],
                ["action"] = queryParams["action"],
                ["same_request"] = request.Path == path,
                ["can_cancel"] = cancellationToken.CanBeCanceled,
                ["headers"] = headers.Count(),
            };
    }

    [Fact]
    public async Task Every_named_value_and_the_cancellation_token_are_bound_in_any_order()
    {
        using var cts = new CancellationTokenSource();

        var user = await AuthenticateAsync(new EverythingHandler(), Request(), cts.Token);

        user["authorization"]!.GetValue<string>().Should().Be("Bearer tok");
        user["path"]!.GetValue<string>().Should().Be($"/threads/{Requests.ThreadId}/runs/{Requests.RunId}/cancel");
        user["method"]!.GetValue<string>().Should().Be("POST");
        user["thread_id"]!.GetValue<string>().Should().Be(Requests.ThreadId);
        user["run_id"]!.GetValue<string>().Should().Be(Requests.RunId);
        user["action"]!.GetValue<string>().Should().Be("rollback");
        user["same_request"]!.GetValue<bool>().Should().BeTrue();
        user["can_cancel"]!.GetValue<bool>().Should().BeTrue();
        user["headers"]!.GetValue<int>().Should().Be(2);
    }

    private sealed class SnakeCaseHandler
    {
        [Authenticate]
        public string Authenticate(IReadOnlyDictionary<string, string> path_params, IReadOnlyDictionary<string, string> Query_Params) =>
            $"{path_params["thread_id"]}/{Query_Params["wait"]}";
    }

    [Fact]
    public async Task Python_snake_case_names_bind_too()
    {
        var user = await AuthenticateAsync(new SnakeCaseHandler(), Request());

        user.Identity.Should().Be($"{Requests.ThreadId}/1");
    }

    private sealed class AuthorizationHandler
    {
        [Authenticate]
        public string Authenticate(string? authorization) => authorization ?? "anonymous";
    }

    [Fact]
    public async Task Authorization_is_null_when_the_header_is_missing()
    {
        var user = await AuthenticateAsync(new AuthorizationHandler(), new AuthRequest("GET", "/ok"));

        user.Identity.Should().Be("anonymous");
    }

    private sealed class HostRequest
    {
        public string Tenant { get; init; } = "";
    }

    private sealed class RawRequestHandler
    {
        [Authenticate]
        public string Authenticate(HostRequest? request) => request?.Tenant ?? "no request";
    }

    private sealed class ObjectRequestHandler
    {
        [Authenticate]
        public string Authenticate(object request) => request.GetType().Name;
    }

    [Fact]
    public async Task A_request_parameter_of_the_hosts_type_receives_the_raw_request_object()
    {
        var request = new AuthRequest("GET", "/ok") { Request = new HostRequest { Tenant = "acme" } };

        (await AuthenticateAsync(new RawRequestHandler(), request)).Identity.Should().Be("acme");
        (await AuthenticateAsync(new RawRequestHandler(), new AuthRequest("GET", "/ok"))).Identity.Should().Be("no request");
        (await AuthenticateAsync(new ObjectRequestHandler(), request)).Identity.Should().Be(nameof(AuthRequest), "object takes the AuthRequest");
    }

    [Fact]
    public async Task A_raw_request_of_another_type_is_an_error_naming_the_handler()
    {
        var request = new AuthRequest("GET", "/ok") { Request = "not a HostRequest" };

        var act = () => AuthenticateAsync(new RawRequestHandler(), request);

        await act.Should().ThrowAsync<InvalidOperationException>()
            .WithMessage("*RawRequestHandler.Authenticate takes a request of type HostRequest, but the host passed a String*");
    }

    private sealed class NoParameters
    {
        [Authenticate]
        public static string Authenticate() => "static-user";
    }

    private sealed class PrivateHandler
    {
        [Authenticate]
        private string Authenticate() => "private-user";
    }

    [Fact]
    public async Task Static_and_non_public_methods_bind()
    {
        (await AuthenticateAsync(new NoParameters(), Request())).Identity.Should().Be("static-user");
        (await AuthenticateAsync(new PrivateHandler(), Request())).Identity.Should().Be("private-user");
    }

    // ---- return shapes ----

    private sealed class ReturnsString { [Authenticate] public string A() => "s"; }

    private sealed class ReturnsMinimalUserDict { [Authenticate] public MinimalUserDict A() => new("m") { DisplayName = "M" }; }

    private sealed class ReturnsStudioUser { [Authenticate] public StudioUser A() => new("studio", true); }

    private sealed class ReturnsInterface { [Authenticate] public IAuthUser A() => new CustomUser("i"); }

    private sealed class ReturnsCustomClass { [Authenticate] public CustomUser A() => new("c"); }

    private sealed class ReturnsCustomStruct { [Authenticate] public StructUser A() => new("st"); }

    private sealed class ReturnsTaskOfString { [Authenticate] public async Task<string> A() { await Task.Yield(); return "ts"; } }

    private sealed class ReturnsTaskOfMinimalUserDict { [Authenticate] public Task<MinimalUserDict> A() => Task.FromResult(new MinimalUserDict("tm")); }

    private sealed class ReturnsTaskOfStudioUser { [Authenticate] public async Task<StudioUser> A() { await Task.Yield(); return new StudioUser("tstudio"); } }

    private sealed class ReturnsTaskOfInterface { [Authenticate] public async Task<IAuthUser> A() { await Task.Yield(); return new CustomUser("ti"); } }

    private sealed class ReturnsValueTaskOfString { [Authenticate] public ValueTask<string> A() => new("vs"); }

    private sealed class ReturnsValueTaskOfMinimalUserDict { [Authenticate] public async ValueTask<MinimalUserDict> A() { await Task.Yield(); return new MinimalUserDict("vm"); } }

    private sealed class ReturnsValueTaskOfStudioUser { [Authenticate] public ValueTask<StudioUser> A() => new(new StudioUser("vstudio")); }

    private sealed class ReturnsValueTaskOfInterface { [Authenticate] public async ValueTask<IAuthUser> A() { await Task.Yield(); return new CustomUser("vi"); } }

    private static Auth Build(string shape) => shape switch
    {
        nameof(ReturnsString) => Auth.FromHandlers(new ReturnsString()),
        nameof(ReturnsMinimalUserDict) => Auth.FromHandlers(new ReturnsMinimalUserDict()),
        nameof(ReturnsStudioUser) => Auth.FromHandlers(new ReturnsStudioUser()),
        nameof(ReturnsInterface) => Auth.FromHandlers(new ReturnsInterface()),
        nameof(ReturnsCustomClass) => Auth.FromHandlers(new ReturnsCustomClass()),
        nameof(ReturnsCustomStruct) => Auth.FromHandlers(new ReturnsCustomStruct()),
        nameof(ReturnsTaskOfString) => Auth.FromHandlers(new ReturnsTaskOfString()),
        nameof(ReturnsTaskOfMinimalUserDict) => Auth.FromHandlers(new ReturnsTaskOfMinimalUserDict()),
        nameof(ReturnsTaskOfStudioUser) => Auth.FromHandlers(new ReturnsTaskOfStudioUser()),
        nameof(ReturnsTaskOfInterface) => Auth.FromHandlers(new ReturnsTaskOfInterface()),
        nameof(ReturnsValueTaskOfString) => Auth.FromHandlers(new ReturnsValueTaskOfString()),
        nameof(ReturnsValueTaskOfMinimalUserDict) => Auth.FromHandlers(new ReturnsValueTaskOfMinimalUserDict()),
        nameof(ReturnsValueTaskOfStudioUser) => Auth.FromHandlers(new ReturnsValueTaskOfStudioUser()),
        _ => Auth.FromHandlers(new ReturnsValueTaskOfInterface()),
    };

    /// <summary>(handlers class, identity it returns, type of the user the engine hands on).</summary>
    public static TheoryData<string, string, Type> ReturnShapes => new()
    {
        { nameof(ReturnsString), "s", typeof(MinimalUserDict) },
        { nameof(ReturnsMinimalUserDict), "m", typeof(MinimalUserDict) },
        { nameof(ReturnsStudioUser), "studio", typeof(StudioUser) },
        { nameof(ReturnsInterface), "i", typeof(CustomUser) },
        { nameof(ReturnsCustomClass), "c", typeof(CustomUser) },
        { nameof(ReturnsCustomStruct), "st", typeof(StructUser) },
        { nameof(ReturnsTaskOfString), "ts", typeof(MinimalUserDict) },
        { nameof(ReturnsTaskOfMinimalUserDict), "tm", typeof(MinimalUserDict) },
        { nameof(ReturnsTaskOfStudioUser), "tstudio", typeof(StudioUser) },
        { nameof(ReturnsTaskOfInterface), "ti", typeof(CustomUser) },
        { nameof(ReturnsValueTaskOfString), "vs", typeof(MinimalUserDict) },
        { nameof(ReturnsValueTaskOfMinimalUserDict), "vm", typeof(MinimalUserDict) },
        { nameof(ReturnsValueTaskOfStudioUser), "vstudio", typeof(StudioUser) },
        { nameof(ReturnsValueTaskOfInterface), "vi", typeof(CustomUser) },
    };

    [Theory]
    [MemberData(nameof(ReturnShapes))]
    public async Task Every_return_shape_becomes_a_user(string shape, string identity, Type userType)
    {
        var user = (await Build(shape).AuthenticateAsync(Request()))!;

        user.Identity.Should().Be(identity);
        user.Should().BeOfType(userType, "a string identity becomes a MinimalUserDict; users pass through as they are");
    }

    [Fact]
    public async Task A_string_identity_is_normalised_as_the_server_does()
    {
        var outcome = await Auth.FromHandlers(new ReturnsString()).HandleAsync(Requests.Make("GET", "/ok"));

        AuthConfigurable.UserToJson(outcome.User!).ToJsonString()
            .Should().Be("""{"identity":"s","display_name":"s","is_authenticated":true,"permissions":[]}""");
        outcome.Permissions.Should().BeEmpty();
    }

    [Fact]
    public async Task A_custom_user_keeps_its_extra_fields_and_its_missing_defaults_are_filled()
    {
        var outcome = await Auth.FromHandlers(new ReturnsCustomClass()).HandleAsync(Requests.Make("GET", "/ok"));

        var configurable = new JsonObject();
        outcome.ApplyToConfigurable(configurable).Should().BeTrue();

        configurable["langgraph_auth_user"]!.ToJsonString()
            .Should().Be("""{"identity":"c","display_name":"c","is_authenticated":true,"permissions":[],"tenant":"t-c"}""");
        configurable["langgraph_auth_permissions"]!.AsArray().Should().BeEmpty();
    }

    /// <summary>A user type of the host's own, with a null display name and null permissions (the server fills both).</summary>
    internal sealed class CustomUser(string identity) : IAuthUser
    {
        public string Identity { get; } = identity;

        public string DisplayName => null!;

        public bool IsAuthenticated => true;

        public IReadOnlyList<string> Permissions => null!;

        public IEnumerable<string> Keys => ["identity", "tenant"];

        public JsonNode? this[string key] => key switch { "identity" => Identity, "tenant" => $"t-{Identity}", _ => null };

        public bool ContainsKey(string key) => key is "identity" or "tenant";
    }

    internal readonly struct StructUser(string identity) : IAuthUser
    {
        public string Identity { get; } = identity;

        public string DisplayName => Identity;

        public bool IsAuthenticated => true;

        public IReadOnlyList<string> Permissions => [];

        public IEnumerable<string> Keys => ["identity", "display_name", "is_authenticated", "permissions"];

        public JsonNode? this[string key] => null;

        public bool ContainsKey(string key) => false;
    }

    // ---- exceptions ----

    private sealed class Throws
    {
        [Authenticate]
        public string Authenticate(string? authorization) => authorization switch
        {
            null => throw new AuthHttpException(401, "Missing credentials", new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer" }),
            "boom" => throw new InvalidOperationException("token store down"),
            _ => authorization,
        };
    }

    [Fact]
    public async Task A_handler_exception_surfaces_unwrapped()
    {
        var auth = Auth.FromHandlers(new Throws());

        var denied = () => auth.AuthenticateAsync(new AuthRequest("GET", "/ok")).AsTask();
        var failed = () => auth.AuthenticateAsync(Requests.Make("GET", "/ok", null, ("Authorization", "boom"))).AsTask();

        (await denied.Should().ThrowAsync<AuthHttpException>()).Which.Headers["WWW-Authenticate"].Should().Be("Bearer");
        await failed.Should().ThrowAsync<InvalidOperationException>().WithMessage("token store down");
    }

    private sealed class ReturnsNull { [Authenticate] public MinimalUserDict? A() => null; }

    [Fact]
    public async Task A_handler_that_returns_no_user_is_a_500_naming_the_handler()
    {
        var act = () => Auth.FromHandlers(new ReturnsNull()).AuthenticateAsync(new AuthRequest("GET", "/ok")).AsTask();

        var error = (await act.Should().ThrowAsync<AuthHttpException>()).Which;
        error.StatusCode.Should().Be(500);
        error.Detail.Should().Be("Internal Server Error");
        error.InnerException!.Message.Should().Contain("ReturnsNull.A returned no user");
    }
}
