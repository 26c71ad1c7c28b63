using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace LangGraph.Sdk.Auth.Benchmarks;

/// <summary>
/// The engine's overhead around trivial handlers: authenticate (bound by parameter name) then authorize (one [On] handler
/// picked among resource:action → resource → *:action → *), against the same handlers called directly.
/// </summary>
[MemoryDiagnoser]
public class DispatchBenchmarks
{
    private const string ThreadId = "0b9a3e0e-7c8f-4f4e-9d63-0d8f5d9e2c11";
    private const string Path = "/threads/" + ThreadId;

    private readonly TrivialHandlers _handlers = new();
    private readonly ThreadsRead _value = new() { ThreadId = ThreadId };
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase) { ["Authorization"] = "Bearer alice" };
    private Auth _attributes = null!;
    private Auth _fluent = null!;
    private AuthRequest _request = null!;

    /// <summary>The trivial handlers: a cached user, and an allow with no filter.</summary>
    public sealed class TrivialHandlers
    {
        private static readonly MinimalUserDict User = new("alice");

        [Authenticate]
        public MinimalUserDict Authenticate(string? authorization) => User;

        [On("threads", "read")]
        public AuthResult OnRead(AuthContext ctx, ThreadsRead value) => AuthResult.Allow;

        // More handlers, so that selection has something to choose from.
        [On("threads")]
        public AuthResult OnThreads(AuthContext ctx, object value) => AuthResult.Deny;

        [On]
        public AuthResult OnEverything(AuthContext ctx, object value) => AuthResult.Deny;
    }

    [GlobalSetup]
    public void Setup()
    {
        _attributes = Auth.FromHandlers(_handlers);
        _fluent = new Auth()
            .Authenticate(request => _handlers.Authenticate(request.Authorization))
            .On<ThreadsRead>("threads", "read", _handlers.OnRead)
            .On<object>("threads", _handlers.OnThreads)
            .On<object>(_handlers.OnEverything);
        _request = new AuthRequest("GET", Path) { Headers = _headers };

        // Freeze both and check they allow, so no benchmark measures a failure path.
        if (!Handle().IsAllowed || AuthenticateThenAuthorize() is not null || AuthenticateThenAuthorizeFluent() is not null)
        {
            throw new InvalidOperationException("The benchmark setup does not allow the request.");
        }
    }

    [Benchmark(Baseline = true, Description = "handlers called directly")]
    public AuthResult? HandlersDirectly()
    {
        var user = _handlers.Authenticate(_request.Authorization);
        return _handlers.OnRead(new AuthContext(user, [], "threads", "read"), _value);
    }

    [Benchmark(Description = "AuthenticateAsync + AuthorizeAsync ([Authenticate]/[On] methods)")]
    public AuthFilter? AuthenticateThenAuthorize()
    {
        var user = Result(_attributes.AuthenticateAsync(_request));
        return Result(_attributes.AuthorizeAsync(user, "threads", "read", _value));
    }

    [Benchmark(Description = "AuthenticateAsync + AuthorizeAsync (fluent delegates)")]
    public AuthFilter? AuthenticateThenAuthorizeFluent()
    {
        var user = Result(_fluent.AuthenticateAsync(_request));
        return Result(_fluent.AuthorizeAsync(user, "threads", "read", _value));
    }

    [Benchmark(Description = "HandleAsync, one call (route classified once per request object)")]
    public AuthOutcome Handle() => Result(_attributes.HandleAsync(_request));

    [Benchmark(Description = "HandleAsync on a new AuthRequest (classify + build value + dispatch)")]
    public AuthOutcome HandleNewRequest() => Result(_attributes.HandleAsync(new AuthRequest("GET", Path) { Headers = _headers }));

    private static T Result<T>(ValueTask<T> pending) => pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
}
