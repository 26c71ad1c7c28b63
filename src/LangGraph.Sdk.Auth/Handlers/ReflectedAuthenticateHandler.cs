using System;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.Auth.Handlers;

/// <summary>
/// An <c>[Authenticate]</c> method bound by parameter name once, at build time, and called through a cached
/// <see cref="MethodInvoker"/>: the arguments go through a stack buffer, so a call allocates nothing beyond the
/// handler's own work (a bound <see cref="CancellationToken"/> that can be cancelled is boxed).
/// </summary>
internal sealed class ReflectedAuthenticateHandler : AuthenticateHandler
{
    private static readonly object BoxedNoToken = CancellationToken.None;

    private readonly MethodInvoker _invoker;
    private readonly object? _target;
    private readonly ArgumentSource[] _sources;
    private readonly Type?[] _rawRequestTypes;
    private readonly ResultKind _kind;

    private ReflectedAuthenticateHandler(string name, MethodInfo method, object? target, ArgumentSource[] sources, Type?[] rawRequestTypes, ResultKind kind)
        : base(name)
    {
        _invoker = MethodInvoker.Create(method);
        _target = target;
        _sources = sources;
        _rawRequestTypes = rawRequestTypes;
        _kind = kind;
    }

    internal enum ArgumentSource
    {
        Headers,
        Authorization,
        Path,
        Method,
        PathParams,
        QueryParams,
        Request,
        RawRequest,
        CancellationToken,
    }

    private enum ResultKind
    {
        Sync,
        TaskOfString,
        TaskOfMinimalUserDict,
        TaskOfStudioUser,
        TaskOfUser,
        ValueTaskOfString,
        ValueTaskOfMinimalUserDict,
        ValueTaskOfStudioUser,
        ValueTaskOfUser,
    }

    /// <summary>The parameter names an authenticate handler may take, for messages.</summary>
    public const string AllowedParameters = "headers, authorization, path, method, pathParams, queryParams, request and a CancellationToken";

    /// <summary>The return types an authenticate handler may declare, for messages.</summary>
    public const string AllowedReturnTypes = "MinimalUserDict, string, StudioUser or IAuthUser (or any type implementing IAuthUser), or Task/ValueTask of MinimalUserDict, string, StudioUser or IAuthUser";

    /// <summary>Binds the method, or returns every problem found, each naming the method.</summary>
    public static ReflectedAuthenticateHandler? TryBind(MethodInfo method, object? target, string name, List<string> errors)
    {
        var errorCount = errors.Count;
        if (method.ContainsGenericParameters)
        {
            errors.Add($"[Authenticate] handler {name} is generic; a handler must be a non-generic method.");
            return null;
        }

        var parameters = method.GetParameters();
        if (parameters.Length > ArgumentBuffer.Capacity)
        {
            errors.Add($"[Authenticate] handler {name} takes {parameters.Length} parameters; it can take at most {ArgumentBuffer.Capacity} ({AllowedParameters}).");
            return null;
        }

        var sources = new ArgumentSource[parameters.Length];
        var rawTypes = new Type?[parameters.Length];
        var seen = new HashSet<ArgumentSource>();
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (!TryGetSource(parameter, out sources[i], out rawTypes[i], out var problem))
            {
                errors.Add($"Parameter '{parameter.Name}' of [Authenticate] handler {name} cannot be bound: {problem}");
            }
            else if (!seen.Add(sources[i] == ArgumentSource.RawRequest ? ArgumentSource.Request : sources[i]))
            {
                errors.Add($"Parameter '{parameter.Name}' of [Authenticate] handler {name} cannot be bound: another parameter already takes the {sources[i]} value.");
            }
        }

        if (!TryGetResultKind(method.ReturnType, out var kind, out var returnProblem))
        {
            errors.Add($"[Authenticate] handler {name} returns {OnHandlerBinder.Describe(method.ReturnType)}; {returnProblem}");
        }

        return errors.Count == errorCount ? new ReflectedAuthenticateHandler(name, method, target, sources, rawTypes, kind) : null;
    }

    public override ValueTask<IAuthUser?> InvokeAsync(AuthRequest request, CancellationToken cancellationToken)
    {
        var buffer = default(ArgumentBuffer);
        Span<object?> arguments = buffer;
        arguments = arguments[.._sources.Length];
        for (var i = 0; i < _sources.Length; i++)
        {
            arguments[i] = _sources[i] switch
            {
                ArgumentSource.Headers => request.Headers,
                ArgumentSource.Authorization => request.Authorization,
                ArgumentSource.Path => request.Path,
                ArgumentSource.Method => request.Method,
                ArgumentSource.PathParams => request.PathParams,
                ArgumentSource.QueryParams => request.QueryParams,
                ArgumentSource.Request => request,
                ArgumentSource.RawRequest => RawRequest(request, _rawRequestTypes[i]!),
                _ => cancellationToken.CanBeCanceled ? cancellationToken : BoxedNoToken,
            };
        }

        object? result;
        try
        {
            result = _invoker.Invoke(_target, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        return _kind switch
        {
            ResultKind.Sync => new(result switch
            {
                string identity => new MinimalUserDict(identity),
                IAuthUser user => user,
                _ => null,
            }),
            ResultKind.TaskOfString => FromIdentityTask(new ValueTask<string?>((Task<string?>)result!)),
            ResultKind.TaskOfMinimalUserDict => FromUserTask((Task<MinimalUserDict?>)result!),
            ResultKind.TaskOfStudioUser => FromUserTask((Task<StudioUser?>)result!),
            ResultKind.TaskOfUser => FromUserTask((Task<IAuthUser?>)result!),
            ResultKind.ValueTaskOfString => FromIdentityTask((ValueTask<string?>)result!),
            ResultKind.ValueTaskOfMinimalUserDict => FromUserTask((ValueTask<MinimalUserDict?>)result!),
            ResultKind.ValueTaskOfStudioUser => FromUserTask((ValueTask<StudioUser?>)result!),
            _ => (ValueTask<IAuthUser?>)result!,
        };
    }

    private object? RawRequest(AuthRequest request, Type type)
    {
        var raw = request.Request;
        if (raw is not null && !type.IsInstanceOfType(raw))
        {
            throw new InvalidOperationException(
                $"[Authenticate] handler {Name} takes a request of type {type.Name}, but the host passed a {raw.GetType().Name} as AuthRequest.Request.");
        }

        return raw;
    }

    private static ValueTask<IAuthUser?> FromUserTask<TUser>(Task<TUser?> task)
        where TUser : class, IAuthUser
    {
        return task.IsCompletedSuccessfully ? new(task.Result) : Await(task);

        static async ValueTask<IAuthUser?> Await(Task<TUser?> task) => await task.ConfigureAwait(false);
    }

    private static ValueTask<IAuthUser?> FromUserTask<TUser>(ValueTask<TUser?> task)
        where TUser : class, IAuthUser =>
        task.IsCompletedSuccessfully ? new(task.Result) : FromUserTask(task.AsTask());

    private static bool TryGetSource(ParameterInfo parameter, out ArgumentSource source, out Type? rawType, out string problem)
    {
        var type = parameter.ParameterType;
        source = default;
        rawType = null;
        problem = string.Empty;

        if (type.IsByRef || parameter.IsOut)
        {
            problem = "ref, in and out parameters are not supported.";
            return false;
        }

        if (type == typeof(CancellationToken))
        {
            source = ArgumentSource.CancellationToken;
            return true;
        }

        var key = (parameter.Name ?? string.Empty).Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        switch (key)
        {
            case "HEADERS":
                return Expect(typeof(IReadOnlyDictionary<string, string>), ArgumentSource.Headers, "IReadOnlyDictionary<string, string>", type, out source, out problem);
            case "PATHPARAMS":
                return Expect(typeof(IReadOnlyDictionary<string, string>), ArgumentSource.PathParams, "IReadOnlyDictionary<string, string>", type, out source, out problem);
            case "QUERYPARAMS":
                return Expect(typeof(IReadOnlyDictionary<string, string>), ArgumentSource.QueryParams, "IReadOnlyDictionary<string, string>", type, out source, out problem);
            case "AUTHORIZATION":
                return Expect(typeof(string), ArgumentSource.Authorization, "string", type, out source, out problem);
            case "PATH":
                return Expect(typeof(string), ArgumentSource.Path, "string", type, out source, out problem);
            case "METHOD":
                return Expect(typeof(string), ArgumentSource.Method, "string", type, out source, out problem);
            case "REQUEST":
                if (type.IsAssignableFrom(typeof(AuthRequest)))
                {
                    source = ArgumentSource.Request;
                    return true;
                }

                if (!type.IsValueType)
                {
                    source = ArgumentSource.RawRequest;
                    rawType = type;
                    return true;
                }

                problem = $"'request' must be AuthRequest or the host's request type (a class), not {OnHandlerBinder.Describe(type)}.";
                return false;
            default:
                problem = $"an authenticate handler takes {AllowedParameters}, by name.";
                return false;
        }
    }

    private static bool Expect(Type provided, ArgumentSource candidate, string display, Type declared, out ArgumentSource source, out string problem)
    {
        source = candidate;
        problem = string.Empty;
        if (declared.IsAssignableFrom(provided))
        {
            return true;
        }

        problem = $"it must be declared as {display}, not {OnHandlerBinder.Describe(declared)}.";
        return false;
    }

    private static bool TryGetResultKind(Type type, out ResultKind kind, out string problem)
    {
        problem = string.Empty;
        kind = ResultKind.Sync;
        if (type == typeof(string) || typeof(IAuthUser).IsAssignableFrom(type))
        {
            return true;
        }

        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            var isTask = type.GetGenericTypeDefinition() == typeof(Task<>);
            var inner = type.GetGenericArguments()[0];
            ResultKind? found = inner switch
            {
                _ when inner == typeof(string) => isTask ? ResultKind.TaskOfString : ResultKind.ValueTaskOfString,
                _ when inner == typeof(MinimalUserDict) => isTask ? ResultKind.TaskOfMinimalUserDict : ResultKind.ValueTaskOfMinimalUserDict,
                _ when inner == typeof(StudioUser) => isTask ? ResultKind.TaskOfStudioUser : ResultKind.ValueTaskOfStudioUser,
                _ when inner == typeof(IAuthUser) => isTask ? ResultKind.TaskOfUser : ResultKind.ValueTaskOfUser,
                _ => null,
            };
            if (found is { } value)
            {
                kind = value;
                return true;
            }

            if (typeof(IAuthUser).IsAssignableFrom(inner))
            {
                var wrapper = isTask ? "Task" : "ValueTask";
                problem = $"declare it as {wrapper}<IAuthUser> to return your own user type (the method can still return a {inner.Name}).";
                return false;
            }
        }

        problem = $"it must return {AllowedReturnTypes}.";
        return false;
    }

    /// <summary>Stack storage for the arguments of one call.</summary>
    [InlineArray(Capacity)]
    private struct ArgumentBuffer
    {
        public const int Capacity = 8;

        private object? _element;
    }
}
