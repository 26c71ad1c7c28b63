using System;
using System.Collections.Generic;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.Auth.Handlers;

/// <summary>
/// Compiles a reflected <c>[On]</c> method into an <see cref="OnHandler"/> once, at build time, with
/// <see cref="MethodInfo.CreateDelegate(Type, object?)"/>: no reflection and no boxing per call. The value parameter must
/// be one of the value types, <see cref="IMetadataValue"/> or <see cref="object"/>, so every delegate type used here is a
/// closed generic known at compile time (which keeps the package AOT-safe).
/// </summary>
internal static class OnHandlerBinder
{
    private delegate OnHandler Binder(MethodInfo method, object? target, string name, bool takesToken, ReturnShape shape);

    internal enum ReturnShape
    {
        Result,
        Boolean,
        Void,
        Task,
        TaskOfResult,
        TaskOfFilter,
        TaskOfBoolean,
        ValueTask,
        ValueTaskOfResult,
        ValueTaskOfFilter,
        ValueTaskOfBoolean,
    }

    private static readonly Dictionary<Type, Binder> Binders = new()
    {
        [typeof(object)] = Bind<object>,
        [typeof(IMetadataValue)] = Bind<IMetadataValue>,
        [typeof(ThreadsCreate)] = Bind<ThreadsCreate>,
        [typeof(ThreadsRead)] = Bind<ThreadsRead>,
        [typeof(ThreadsUpdate)] = Bind<ThreadsUpdate>,
        [typeof(ThreadsDelete)] = Bind<ThreadsDelete>,
        [typeof(ThreadsSearch)] = Bind<ThreadsSearch>,
        [typeof(RunsCreate)] = Bind<RunsCreate>,
        [typeof(AssistantsCreate)] = Bind<AssistantsCreate>,
        [typeof(AssistantsRead)] = Bind<AssistantsRead>,
        [typeof(AssistantsUpdate)] = Bind<AssistantsUpdate>,
        [typeof(AssistantsDelete)] = Bind<AssistantsDelete>,
        [typeof(AssistantsSearch)] = Bind<AssistantsSearch>,
        [typeof(CronsCreate)] = Bind<CronsCreate>,
        [typeof(CronsRead)] = Bind<CronsRead>,
        [typeof(CronsUpdate)] = Bind<CronsUpdate>,
        [typeof(CronsDelete)] = Bind<CronsDelete>,
        [typeof(CronsSearch)] = Bind<CronsSearch>,
        [typeof(StoreGet)] = Bind<StoreGet>,
        [typeof(StorePut)] = Bind<StorePut>,
        [typeof(StoreDelete)] = Bind<StoreDelete>,
        [typeof(StoreSearch)] = Bind<StoreSearch>,
        [typeof(StoreListNamespaces)] = Bind<StoreListNamespaces>,
    };

    /// <summary>The return types an <c>[On]</c> handler may declare, for messages.</summary>
    public const string AllowedReturnTypes =
        "AuthResult, AuthFilter, bool or void, or Task/ValueTask of AuthResult, AuthFilter or bool, or a plain Task/ValueTask";

    /// <summary>Checks the signature and gives the value parameter's type, or an error naming the method.</summary>
    public static bool TryGetSignature(MethodInfo method, string name, out Type valueType, out bool takesToken, out ReturnShape shape, out string? error)
    {
        valueType = typeof(object);
        takesToken = false;
        shape = default;
        error = null;

        if (method.ContainsGenericParameters)
        {
            error = $"[On] handler {name} is generic; a handler must be a non-generic method.";
            return false;
        }

        var parameters = method.GetParameters();
        var shapeOk = parameters.Length is 2 or 3
            && parameters[0].ParameterType == typeof(AuthContext)
            && !parameters[1].ParameterType.IsByRef
            && (parameters.Length == 2 || parameters[2].ParameterType == typeof(CancellationToken));
        if (!shapeOk)
        {
            error = $"[On] handler {name} has parameters ({Describe(parameters)}); it must take (AuthContext ctx, TValue value) and optionally a CancellationToken last.";
            return false;
        }

        valueType = parameters[1].ParameterType;
        if (!Binders.ContainsKey(valueType))
        {
            error = $"Parameter '{parameters[1].Name}' of [On] handler {name} has type {valueType.Name}, which cannot be bound; the value parameter must be the event's value type (ThreadsCreate, StorePut, …), IMetadataValue or object.";
            return false;
        }

        takesToken = parameters.Length == 3;
        if (!TryGetReturnShape(method.ReturnType, out shape))
        {
            error = $"[On] handler {name} returns {Describe(method.ReturnType)}; it must return {AllowedReturnTypes}.";
            return false;
        }

        return true;
    }

    public static OnHandler Bind(MethodInfo method, object? target, string name, Type valueType, bool takesToken, ReturnShape shape) =>
        Binders[valueType](method, target, name, takesToken, shape);

    private static bool TryGetReturnShape(Type type, out ReturnShape shape)
    {
        (var ok, shape) = type switch
        {
            _ when type == typeof(AuthResult) || type == typeof(AuthFilter) => (true, ReturnShape.Result),
            _ when type == typeof(bool) => (true, ReturnShape.Boolean),
            _ when type == typeof(void) => (true, ReturnShape.Void),
            _ when type == typeof(Task) => (true, ReturnShape.Task),
            _ when type == typeof(Task<AuthResult>) => (true, ReturnShape.TaskOfResult),
            _ when type == typeof(Task<AuthFilter>) => (true, ReturnShape.TaskOfFilter),
            _ when type == typeof(Task<bool>) => (true, ReturnShape.TaskOfBoolean),
            _ when type == typeof(ValueTask) => (true, ReturnShape.ValueTask),
            _ when type == typeof(ValueTask<AuthResult>) => (true, ReturnShape.ValueTaskOfResult),
            _ when type == typeof(ValueTask<AuthFilter>) => (true, ReturnShape.ValueTaskOfFilter),
            _ when type == typeof(ValueTask<bool>) => (true, ReturnShape.ValueTaskOfBoolean),
            _ => (false, default),
        };
        return ok;
    }

    private static OnHandler<TValue> Bind<TValue>(MethodInfo method, object? target, string name, bool takesToken, ReturnShape shape)
        where TValue : class
    {
        Func<AuthContext, TValue, CancellationToken, ValueTask<AuthResult?>> invoke;
        switch (shape)
        {
            case ReturnShape.Result:
                var result = Create<TValue, AuthResult?>(method, target, takesToken);
                invoke = (c, v, t) => new(result(c, v, t));
                break;
            case ReturnShape.Boolean:
                var boolean = Create<TValue, bool>(method, target, takesToken);
                invoke = (c, v, t) => ResultAdapters.FromBoolean(boolean(c, v, t));
                break;
            case ReturnShape.Void:
                var action = CreateAction<TValue>(method, target, takesToken);
                invoke = (c, v, t) =>
                {
                    action(c, v, t);
                    return default;
                };
                break;
            case ReturnShape.Task:
                var task = Create<TValue, Task>(method, target, takesToken);
                invoke = (c, v, t) => ResultAdapters.FromTask(task(c, v, t));
                break;
            case ReturnShape.TaskOfResult:
                var taskOfResult = Create<TValue, Task<AuthResult?>>(method, target, takesToken);
                invoke = (c, v, t) => ResultAdapters.FromTask(taskOfResult(c, v, t));
                break;
            case ReturnShape.TaskOfFilter:
                var taskOfFilter = Create<TValue, Task<AuthFilter?>>(method, target, takesToken);
                invoke = (c, v, t) => ResultAdapters.FromTask(taskOfFilter(c, v, t));
                break;
            case ReturnShape.TaskOfBoolean:
                var taskOfBoolean = Create<TValue, Task<bool>>(method, target, takesToken);
                invoke = (c, v, t) => ResultAdapters.FromTask(taskOfBoolean(c, v, t));
                break;
            case ReturnShape.ValueTask:
                var valueTask = Create<TValue, ValueTask>(method, target, takesToken);
                invoke = (c, v, t) => ResultAdapters.FromValueTask(valueTask(c, v, t));
                break;
            case ReturnShape.ValueTaskOfResult:
                var valueTaskOfResult = Create<TValue, ValueTask<AuthResult?>>(method, target, takesToken);
                invoke = valueTaskOfResult;
                break;
            case ReturnShape.ValueTaskOfFilter:
                var valueTaskOfFilter = Create<TValue, ValueTask<AuthFilter?>>(method, target, takesToken);
                invoke = (c, v, t) => ResultAdapters.FromValueTask(valueTaskOfFilter(c, v, t));
                break;
            default:
                var valueTaskOfBoolean = Create<TValue, ValueTask<bool>>(method, target, takesToken);
                invoke = (c, v, t) => ResultAdapters.FromValueTask(valueTaskOfBoolean(c, v, t));
                break;
        }

        return new OnHandler<TValue>(name, invoke);
    }

    private static Func<AuthContext, TValue, CancellationToken, TReturn> Create<TValue, TReturn>(MethodInfo method, object? target, bool takesToken)
    {
        if (takesToken)
        {
            return method.CreateDelegate<Func<AuthContext, TValue, CancellationToken, TReturn>>(target);
        }

        var inner = method.CreateDelegate<Func<AuthContext, TValue, TReturn>>(target);
        return (c, v, _) => inner(c, v);
    }

    private static Action<AuthContext, TValue, CancellationToken> CreateAction<TValue>(MethodInfo method, object? target, bool takesToken)
    {
        if (takesToken)
        {
            return method.CreateDelegate<Action<AuthContext, TValue, CancellationToken>>(target);
        }

        var inner = method.CreateDelegate<Action<AuthContext, TValue>>(target);
        return (c, v, _) => inner(c, v);
    }

    internal static string Describe(ParameterInfo[] parameters) =>
        string.Join(", ", Array.ConvertAll(parameters, p => $"{Describe(p.ParameterType)} {p.Name}"));

    internal static string Describe(Type type)
    {
        if (type == typeof(void))
        {
            return "void";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return $"{(tick < 0 ? name : name[..tick])}<{string.Join(", ", Array.ConvertAll(type.GetGenericArguments(), Describe))}>";
    }
}
