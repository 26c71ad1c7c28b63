using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Auth.Handlers;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// Custom authentication and authorization for a LangGraph server, with the LangGraph server's semantics: the C#
/// counterpart of Python's <c>langgraph_sdk.Auth</c>. Build it from a class with <see cref="AuthenticateAttribute">[Authenticate]</see>
/// and <see cref="OnAttribute">[On]</see> methods (<see cref="FromHandlers{T}(T)"/>) or fluently
/// (<c>new Auth().Authenticate(…).On(…)</c>), then call <see cref="HandleAsync"/> once per request.
/// </summary>
/// <remarks>
/// Register every handler first: the first request freezes the registrations (later changes throw) and compiles the
/// lookup table. From then on the instance is immutable and thread-safe; share one for all requests.
/// </remarks>
public sealed partial class Auth
{
    private readonly object _gate = new();
    private readonly Dictionary<(int Resource, int Action), Registration> _registrations = [];
    private readonly List<Registration> _order = [];
    private AuthenticateHandler? _authenticate;
    private bool _enableStudioAuth;
    private Engine? _engine;

    /// <summary>Creates an empty set of handlers; add them with <see cref="Authenticate(Func{AuthRequest, IAuthUser?})"/> and <c>On</c>.</summary>
    public Auth()
    {
    }

    /// <summary>
    /// Gets or sets whether a request carrying <c>x-auth-scheme: langsmith</c> skips the authenticate handler and runs as
    /// <see cref="StudioUser.LangGraphStudio"/>, as on the JS dev server (its <c>disable_studio_auth: false</c>).
    /// <value>The default value is false.</value>
    /// </summary>
    /// <remarks>
    /// A deployed LangGraph server first verifies the caller's LangSmith credentials; this package cannot, so trusting the
    /// header would let any client skip authentication. Turn it on for local development with LangGraph Studio only.
    /// </remarks>
    public bool EnableStudioAuth
    {
        get => _enableStudioAuth;
        set
        {
            lock (_gate)
            {
                ThrowIfFrozen();
                _enableStudioAuth = value;
            }
        }
    }

    /// <summary>Gets whether an authenticate handler is registered. Without one, as on the server, requests are not authenticated and no <c>[On]</c> handler runs.</summary>
    public bool HasAuthenticateHandler => _authenticate is not null;

    /// <summary>Gets the registered <c>[On]</c> handlers, in registration order.</summary>
    public IReadOnlyList<AuthHandlerInfo> Handlers
    {
        get
        {
            lock (_gate)
            {
                return _order.Select(r => r.Info).ToArray();
            }
        }
    }

    /// <summary>
    /// Tells which handler guards an event: the most specific registration among <c>resource:action</c>,
    /// <c>resource</c>, <c>*:action</c> and <c>*</c>, or null when none does (the request is then allowed).
    /// </summary>
    /// <param name="resource">The resource, for example <c>"threads"</c>.</param>
    /// <param name="action">The action, for example <c>"create"</c>.</param>
    /// <returns>The handler that runs, or null.</returns>
    /// <exception cref="ArgumentException">The resource has no such action.</exception>
    public AuthHandlerInfo? FindHandler(string resource, string action)
    {
        var (r, a) = ParseEvent(resource, action);
        return GetEngine().Resolved[(r * AuthEvents.ActionCount) + a]?.Info;
    }

    /// <summary>Whether a user is the LangGraph Studio user: a <see cref="StudioUser"/>, or any user whose <c>kind</c> field is <c>"StudioUser"</c> (Python's <c>is_studio_user</c>).</summary>
    /// <param name="user">The user, or null.</param>
    /// <returns>True for a Studio user.</returns>
    public static bool IsStudioUser(IAuthUser? user) =>
        user is StudioUser ||
        (user is not null && user.ContainsKey("kind") && user["kind"] is System.Text.Json.Nodes.JsonValue kind &&
         kind.TryGetValue(out string? text) && text == StudioUser.KindValue);

    // ---- fluent registration ----

    /// <summary>Registers the authenticate handler: it returns the user, or null to reject with a server error; it throws <see cref="AuthHttpException"/> to reject with a status.</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This instance, for chaining.</returns>
    /// <exception cref="InvalidOperationException">An authenticate handler is already registered, or the first request was already handled.</exception>
    public Auth Authenticate(Func<AuthRequest, IAuthUser?> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return SetAuthenticate(new DelegateAuthenticateHandler("Authenticate(delegate)", (r, _) => new ValueTask<IAuthUser?>(handler(r))));
    }

    /// <summary>Registers an authenticate handler that returns the user's identity (the server turns it into a <see cref="MinimalUserDict"/>).</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This instance, for chaining.</returns>
    /// <exception cref="InvalidOperationException">An authenticate handler is already registered, or the first request was already handled.</exception>
    public Auth Authenticate(Func<AuthRequest, string?> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return SetAuthenticate(new DelegateAuthenticateHandler("Authenticate(delegate)", (r, _) => new ValueTask<string?>(handler(r))));
    }

    /// <summary>Registers an asynchronous authenticate handler.</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This instance, for chaining.</returns>
    /// <exception cref="InvalidOperationException">An authenticate handler is already registered, or the first request was already handled.</exception>
    public Auth Authenticate(Func<AuthRequest, CancellationToken, ValueTask<IAuthUser?>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return SetAuthenticate(new DelegateAuthenticateHandler("Authenticate(delegate)", handler));
    }

    /// <summary>Registers an asynchronous authenticate handler that returns the user's identity.</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This instance, for chaining.</returns>
    /// <exception cref="InvalidOperationException">An authenticate handler is already registered, or the first request was already handled.</exception>
    public Auth Authenticate(Func<AuthRequest, CancellationToken, ValueTask<string?>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return SetAuthenticate(new DelegateAuthenticateHandler("Authenticate(delegate)", handler));
    }

    /// <summary>Registers the global handler (Python's bare <c>@auth.on</c>): it guards every event no more specific handler guards.</summary>
    /// <typeparam name="TValue">The value type: <see cref="object"/> or <see cref="IMetadataValue"/> for a global handler.</typeparam>
    /// <param name="handler">The handler: null or true allows, false denies with 403, an <see cref="AuthFilter"/> allows matching resources.</param>
    /// <returns>This instance, for chaining.</returns>
    /// <exception cref="ArgumentException">A handler is already registered for that key, or <typeparamref name="TValue"/> cannot hold every value the events carry.</exception>
    public Auth On<TValue>(Func<AuthContext, TValue, AuthResult?> handler)
        where TValue : class =>
        On(AuthResources.Any, AuthActions.Any, handler);

    /// <summary>Registers the global handler, asynchronous.</summary>
    /// <typeparam name="TValue">The value type: <see cref="object"/> or <see cref="IMetadataValue"/> for a global handler.</typeparam>
    /// <param name="handler">The handler.</param>
    /// <returns>This instance, for chaining.</returns>
    /// <exception cref="ArgumentException">A handler is already registered for that key, or <typeparamref name="TValue"/> cannot hold every value the events carry.</exception>
    public Auth On<TValue>(Func<AuthContext, TValue, CancellationToken, ValueTask<AuthResult?>> handler)
        where TValue : class =>
        On(AuthResources.Any, AuthActions.Any, handler);

    /// <summary>Registers a handler for every action of a resource (Python's <c>@auth.on.threads</c>).</summary>
    /// <typeparam name="TValue">The value type: one every action of the resource carries (<see cref="object"/>, <see cref="IMetadataValue"/>).</typeparam>
    /// <param name="resource">The resource: <c>threads</c>, <c>assistants</c>, <c>crons</c>, <c>store</c> or <c>*</c>.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>This instance, for chaining.</returns>
    /// <exception cref="ArgumentException">The resource is unknown, a handler is already registered for it, or <typeparamref name="TValue"/> does not fit.</exception>
    public Auth On<TValue>(string resource, Func<AuthContext, TValue, AuthResult?> handler)
        where TValue : class =>
        On(resource, AuthActions.Any, handler);

    /// <summary>Registers an asynchronous handler for every action of a resource.</summary>
    /// <typeparam name="TValue">The value type: one every action of the resource carries.</typeparam>
    /// <param name="resource">The resource.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>This instance, for chaining.</returns>
    /// <exception cref="ArgumentException">The resource is unknown, a handler is already registered for it, or <typeparamref name="TValue"/> does not fit.</exception>
    public Auth On<TValue>(string resource, Func<AuthContext, TValue, CancellationToken, ValueTask<AuthResult?>> handler)
        where TValue : class =>
        On(resource, AuthActions.Any, handler);

    /// <summary>Registers a handler for one event (Python's <c>@auth.on.threads.create</c>), or one action of every resource with <c>"*"</c>.</summary>
    /// <typeparam name="TValue">The event's value type, for example <see cref="ThreadsCreate"/>.</typeparam>
    /// <param name="resource">The resource, or <c>*</c>.</param>
    /// <param name="action">The action, or <c>*</c>.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>This instance, for chaining.</returns>
    /// <exception cref="ArgumentException">The resource or action is unknown, a handler is already registered for the pair, or <typeparamref name="TValue"/> does not fit.</exception>
    public Auth On<TValue>(string resource, string action, Func<AuthContext, TValue, AuthResult?> handler)
        where TValue : class
    {
        ArgumentNullException.ThrowIfNull(handler);
        return AddDelegate(resource, action, new OnHandler<TValue>(DelegateName(resource, action), (c, v, _) => new(handler(c, v))));
    }

    /// <summary>Registers an asynchronous handler for one event, or one action of every resource with <c>"*"</c>.</summary>
    /// <typeparam name="TValue">The event's value type.</typeparam>
    /// <param name="resource">The resource, or <c>*</c>.</param>
    /// <param name="action">The action, or <c>*</c>.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>This instance, for chaining.</returns>
    /// <exception cref="ArgumentException">The resource or action is unknown, a handler is already registered for the pair, or <typeparamref name="TValue"/> does not fit.</exception>
    public Auth On<TValue>(string resource, string action, Func<AuthContext, TValue, CancellationToken, ValueTask<AuthResult?>> handler)
        where TValue : class
    {
        ArgumentNullException.ThrowIfNull(handler);
        return AddDelegate(resource, action, new OnHandler<TValue>(DelegateName(resource, action), handler));
    }

    // ---- registration internals ----

    private static string DelegateName(string? resource, string? action) => $"On(\"{resource}\", \"{action}\") delegate";

    private Auth SetAuthenticate(AuthenticateHandler handler)
    {
        lock (_gate)
        {
            ThrowIfFrozen();
            if (_authenticate is not null)
            {
                throw new InvalidOperationException(
                    $"Authentication handler already set ({_authenticate.Name}); an Auth has exactly one authenticate handler.");
            }

            _authenticate = handler;
        }

        return this;
    }

    private Auth AddDelegate(string resource, string action, OnHandler handler)
    {
        lock (_gate)
        {
            ThrowIfFrozen();
            var error = TryAdd(resource, action, handler, DelegateName(resource, action));
            if (error is not null)
            {
                throw new ArgumentException(error, nameof(handler));
            }
        }

        return this;
    }

    /// <summary>Validates and adds a registration; returns the problem instead when there is one.</summary>
    private string? TryAdd(string? resource, string? action, OnHandler handler, string where)
    {
        var r = resource is null ? -2 : AuthEvents.ResourceIndex(resource);
        if (r == -2)
        {
            return $"{where} names unknown resource \"{resource}\"; the resources are threads, assistants, crons, store and *.";
        }

        var a = action is null ? -2 : AuthEvents.ActionIndex(action);
        var actionKnown = a != -2 && (a == AuthEvents.Any || (r == AuthEvents.Any ? AuthEvents.AnyResourceHas(a) : AuthEvents.IsEvent(r, a)));
        if (!actionKnown)
        {
            var owner = r == AuthEvents.Any ? "no resource has it; the actions are" : $"{resource} has no such action; its actions are";
            return $"{where} names unknown action \"{action}\": {owner} {AuthEvents.ActionsOf(r)} and *.";
        }

        var covered = EventsCovered(r, a).ToList();
        var mismatches = new List<string>();
        foreach (var (er, ea) in covered)
        {
            var valueType = AuthEvents.ValueType(er, ea)!;
            if (!handler.ValueParameterType.IsAssignableFrom(valueType))
            {
                mismatches.Add($"{AuthEvents.EventName(er, ea)} carries {valueType.Name}");
            }
        }

        if (mismatches.Count > 0)
        {
            var fix = covered.Count == 1
                ? $"declare the value parameter as {AuthEvents.ValueType(covered[0].Resource, covered[0].Action)!.Name}"
                : "declare the value parameter as object or IMetadataValue, or register each action separately";
            return $"{where} takes a value of type {handler.ValueParameterType.Name}, which cannot be bound: {string.Join(", ", mismatches)}; {fix}.";
        }

        if (_registrations.TryGetValue((r, a), out var existing))
        {
            return $"{where} registers {AuthEvents.EventName(r, a)}, which {existing.Info.Name} already registered; each (resource, action) pair takes one handler.";
        }

        var registration = new Registration(handler, new AuthHandlerInfo(AuthEvents.ResourceName(r), AuthEvents.ActionName(a), handler.Name));
        _registrations.Add((r, a), registration);
        _order.Add(registration);
        return null;
    }

    /// <summary>The concrete events a registration key covers.</summary>
    private static IEnumerable<(int Resource, int Action)> EventsCovered(int resource, int action)
    {
        for (var r = 0; r < AuthEvents.ResourceCount; r++)
        {
            for (var a = 0; a < AuthEvents.ActionCount; a++)
            {
                if ((resource == AuthEvents.Any || resource == r) && (action == AuthEvents.Any || action == a) && AuthEvents.IsEvent(r, a))
                {
                    yield return (r, a);
                }
            }
        }
    }

    private void ThrowIfFrozen()
    {
        if (_engine is not null)
        {
            throw new InvalidOperationException(
                "Handlers cannot be changed after the first request: register every handler before the Auth handles requests.");
        }
    }

    private static (int Resource, int Action) ParseEvent(string resource, string action)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(action);
        var r = AuthEvents.ResourceIndex(resource);
        var a = AuthEvents.ActionIndex(action);
        if (r < 0 || a < 0 || !AuthEvents.IsEvent(r, a))
        {
            throw new ArgumentException($"\"{resource}:{action}\" is not an auth event; the resources are threads, assistants, crons and store, each with its own actions.", nameof(action));
        }

        return (r, a);
    }

    private Engine GetEngine()
    {
        var engine = Volatile.Read(ref _engine);
        if (engine is not null)
        {
            return engine;
        }

        lock (_gate)
        {
            engine = _engine;
            if (engine is null)
            {
                var resolved = new Registration?[AuthEvents.ResourceCount * AuthEvents.ActionCount];
                for (var r = 0; r < AuthEvents.ResourceCount; r++)
                {
                    for (var a = 0; a < AuthEvents.ActionCount; a++)
                    {
                        if (AuthEvents.IsEvent(r, a))
                        {
                            resolved[(r * AuthEvents.ActionCount) + a] =
                                Lookup(r, a) ?? Lookup(r, AuthEvents.Any) ?? Lookup(AuthEvents.Any, a) ?? Lookup(AuthEvents.Any, AuthEvents.Any);
                        }
                    }
                }

                engine = new Engine(_authenticate, _enableStudioAuth, resolved);
                Volatile.Write(ref _engine, engine);
            }

            return engine;
        }

        Registration? Lookup(int r, int a) => _registrations.GetValueOrDefault((r, a));
    }

    private sealed class Registration(OnHandler handler, AuthHandlerInfo info)
    {
        public OnHandler Handler { get; } = handler;

        public AuthHandlerInfo Info { get; } = info;
    }

    /// <summary>The frozen state a request reads: no locks, no dictionaries, one array index per event.</summary>
    private sealed class Engine(AuthenticateHandler? authenticate, bool studioAuth, Registration?[] resolved)
    {
        public AuthenticateHandler? Authenticate { get; } = authenticate;

        public bool StudioAuth { get; } = studioAuth;

        public Registration?[] Resolved { get; } = resolved;
    }
}
