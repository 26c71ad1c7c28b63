using System;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.Auth.Handlers;

/// <summary>A compiled authenticate handler: one call per request, whatever the handler's declared shape.</summary>
internal abstract class AuthenticateHandler
{
    protected AuthenticateHandler(string name)
    {
        Name = name;
    }

    /// <summary>Gets the handler's name for messages, for example <c>MyAuth.AuthenticateAsync</c>.</summary>
    public string Name { get; }

    /// <summary>Runs the handler; a string identity comes back as a <see cref="MinimalUserDict"/>, no user as null.</summary>
    public abstract ValueTask<IAuthUser?> InvokeAsync(AuthRequest request, CancellationToken cancellationToken);

    protected static IAuthUser? FromIdentity(string? identity) => identity is null ? null : new MinimalUserDict(identity);

    protected static ValueTask<IAuthUser?> FromIdentityTask(ValueTask<string?> task)
    {
        return task.IsCompletedSuccessfully ? new(FromIdentity(task.Result)) : Await(task);

        static async ValueTask<IAuthUser?> Await(ValueTask<string?> task) => FromIdentity(await task.ConfigureAwait(false));
    }
}

/// <summary>An authenticate handler registered with a delegate (the fluent form).</summary>
internal sealed class DelegateAuthenticateHandler : AuthenticateHandler
{
    private readonly Func<AuthRequest, CancellationToken, ValueTask<IAuthUser?>>? _user;
    private readonly Func<AuthRequest, CancellationToken, ValueTask<string?>>? _identity;

    public DelegateAuthenticateHandler(string name, Func<AuthRequest, CancellationToken, ValueTask<IAuthUser?>> user)
        : base(name)
    {
        _user = user;
    }

    public DelegateAuthenticateHandler(string name, Func<AuthRequest, CancellationToken, ValueTask<string?>> identity)
        : base(name)
    {
        _identity = identity;
    }

    public override ValueTask<IAuthUser?> InvokeAsync(AuthRequest request, CancellationToken cancellationToken) =>
        _user is not null ? _user(request, cancellationToken) : FromIdentityTask(_identity!(request, cancellationToken));
}
