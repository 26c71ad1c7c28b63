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
    /// <summary>
    /// What this instance is: its <see cref="AuthSetup"/> (immutable, replaced on each registration) until the first
    /// request, then the <see cref="AuthEngine"/> built from it. One field, swapped atomically: a registration either
    /// lands before the engine is built or throws, never lost, and no lock is taken.
    /// </summary>
    private object _state;

    /// <summary>Creates an empty set of handlers; add them with <see cref="Authenticate(Func{AuthRequest, IAuthUser?})"/> and <c>On</c>.</summary>
    public Auth()
        : this(AuthSetup.Empty)
    {
    }

    private Auth(AuthSetup setup)
    {
        _state = setup;
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
        get => Setup.EnableStudioAuth;
        set => Configure(setup => setup with { EnableStudioAuth = value });
    }

    /// <summary>Gets whether an authenticate handler is registered. Without one, as on the server, requests are not authenticated and no <c>[On]</c> handler runs.</summary>
    public bool HasAuthenticateHandler => Setup.Authenticate is not null;

    /// <summary>Gets the registered <c>[On]</c> handlers, in registration order.</summary>
    public IReadOnlyList<AuthHandlerInfo> Handlers => Setup.Registrations.Select(r => r.Info).ToArray();

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
        return Engine.GuardOf(ParseEvent(resource, action))?.Info;
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

    private Auth SetAuthenticate(AuthenticateHandler handler) => Configure(setup => setup.WithAuthenticate(handler));

    private Auth AddDelegate(string resource, string action, OnHandler handler) =>
        Configure(setup => setup.TryAdd(resource, action, handler, DelegateName(resource, action), out var next) is { } error
            ? throw new ArgumentException(error, nameof(handler))
            : next);

    /// <summary>Applies a change to the setup, unless the engine is built (then it throws).</summary>
    private Auth Configure(Func<AuthSetup, AuthSetup> change)
    {
        while (true)
        {
            var current = Volatile.Read(ref _state);
            if (current is not AuthSetup setup)
            {
                throw new InvalidOperationException(
                    "Handlers cannot be changed after the first request: register every handler before the Auth handles requests.");
            }

            if (ReferenceEquals(Interlocked.CompareExchange(ref _state, change(setup), setup), setup))
            {
                return this;
            }
        }
    }

    /// <summary>Gets the setup: the current one, or the one the engine was built from.</summary>
    private AuthSetup Setup
    {
        get
        {
            var current = Volatile.Read(ref _state);
            return current as AuthSetup ?? ((AuthEngine)current).Setup;
        }
    }

    /// <summary>Gets the engine, building it from the setup at the first request.</summary>
    private AuthEngine Engine
    {
        get
        {
            while (true)
            {
                var current = Volatile.Read(ref _state);
                if (current is AuthEngine engine)
                {
                    return engine;
                }

                var built = new AuthEngine((AuthSetup)current);
                if (ReferenceEquals(Interlocked.CompareExchange(ref _state, built, current), current))
                {
                    return built;
                }
            }
        }
    }

    private static AuthEvent ParseEvent(string resource, string action)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(action);
        return AuthEvents.TryParse(resource, action, out var authEvent) ? authEvent : throw new ArgumentException(
            $"\"{resource}:{action}\" is not an auth event; the resources are threads, assistants, crons and store, each with its own actions.", nameof(action));
    }
}
