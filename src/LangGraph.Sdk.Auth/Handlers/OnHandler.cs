using System;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.Auth.Handlers;

/// <summary>A compiled <c>[On]</c> handler: one delegate call per request, whatever the handler's declared shape.</summary>
internal abstract class OnHandler
{
    protected OnHandler(string name, Type valueParameterType)
    {
        Name = name;
        ValueParameterType = valueParameterType;
    }

    /// <summary>Gets the handler's name for messages, for example <c>MyAuth.OnThreadCreate</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the declared type of the value parameter; every event the handler guards must carry a value of that type.</summary>
    public Type ValueParameterType { get; }

    public abstract ValueTask<AuthResult?> InvokeAsync(AuthContext context, object value, CancellationToken cancellationToken);
}

/// <summary>An <c>[On]</c> handler whose value parameter is <typeparamref name="TValue"/>.</summary>
/// <typeparam name="TValue">The declared value type.</typeparam>
internal sealed class OnHandler<TValue> : OnHandler
    where TValue : class
{
    private readonly Func<AuthContext, TValue, CancellationToken, ValueTask<AuthResult?>> _invoke;

    public OnHandler(string name, Func<AuthContext, TValue, CancellationToken, ValueTask<AuthResult?>> invoke)
        : base(name, typeof(TValue))
    {
        _invoke = invoke;
    }

    public override ValueTask<AuthResult?> InvokeAsync(AuthContext context, object value, CancellationToken cancellationToken) =>
        _invoke(context, (TValue)value, cancellationToken);
}
