using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Reflection;
using LangGraph.Sdk.Auth.Handlers;

namespace LangGraph.Sdk.Auth;

public sealed partial class Auth
{
    private const DynamicallyAccessedMemberTypes HandlerMethods =
        DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods;

    /// <summary>
    /// Builds an <see cref="Auth"/> from the <see cref="AuthenticateAttribute">[Authenticate]</see> and
    /// <see cref="OnAttribute">[On]</see> methods of <typeparamref name="T"/> (public or not, instance or static),
    /// bound to <paramref name="handlers"/>. Every method is checked and compiled here, once; a request runs no reflection.
    /// </summary>
    /// <typeparam name="T">The handlers class; it must be the instance's exact type, since that is the type scanned.</typeparam>
    /// <param name="handlers">The instance whose methods handle requests; it is shared by all requests.</param>
    /// <returns>The auth, ready to handle requests.</returns>
    /// <exception cref="InvalidOperationException">
    /// <paramref name="handlers"/> is of a type derived from <typeparamref name="T"/>, or the class is not a valid set of
    /// handlers; the message lists every problem and names the method: no or two
    /// [Authenticate] methods, a duplicate (resource, action), an unknown resource or action, a parameter that cannot be
    /// bound, a wrong return type.
    /// </exception>
    public static Auth FromHandlers<[DynamicallyAccessedMembers(HandlerMethods)] T>(T handlers)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(handlers);
        return Build(typeof(T), handlers);
    }

    /// <summary>
    /// Builds an <see cref="Auth"/> from the handlers class <typeparamref name="T"/> resolved from a service provider
    /// (a dependency-injection container), so the class can take its dependencies (a key validator, a token store) in its
    /// constructor. Register <typeparamref name="T"/> as a singleton: the one instance serves every request.
    /// </summary>
    /// <typeparam name="T">The handlers class.</typeparam>
    /// <param name="services">The service provider.</param>
    /// <returns>The auth, ready to handle requests.</returns>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not registered, resolves to a derived type, or is not a valid set of handlers.</exception>
    public static Auth FromHandlers<[DynamicallyAccessedMembers(HandlerMethods)] T>(IServiceProvider services)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        var handlers = services.GetService(typeof(T)) as T ?? throw new InvalidOperationException(
            $"No service of type {typeof(T).Name} is registered; register it (for example services.AddSingleton<{typeof(T).Name}>()) before building the Auth.");
        return Build(typeof(T), handlers);
    }

    private static Auth Build([DynamicallyAccessedMembers(HandlerMethods)] Type type, object instance)
    {
        if (instance.GetType() != type)
        {
            // Only the declared type's methods are visible here (trimming keeps those); a derived type's handlers would be
            // silently missed, and a missed [On] handler is a hole in authorization.
            throw new InvalidOperationException(
                $"FromHandlers scans the declared type {type.Name}, but the instance is a {instance.GetType().Name}; call FromHandlers<{instance.GetType().Name}>(…) so that none of its handlers is missed.");
        }

        var setup = AuthSetup.Empty;
        var errors = new List<string>();
        var authenticateMethods = new List<(MethodInfo Method, string Name)>();

        var methods = type
            .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.DeclaringType != typeof(object))
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ThenBy(m => m.MetadataToken);

        foreach (var method in methods)
        {
            var name = $"{type.Name}.{method.Name}";
            var isAuthenticate = method.IsDefined(typeof(AuthenticateAttribute), inherit: true);
            var ons = method.GetCustomAttributes<OnAttribute>(inherit: true).ToArray();
            if (isAuthenticate && ons.Length > 0)
            {
                errors.Add($"{name} has both [Authenticate] and [On]; a method is either the authenticate handler or an authorization handler.");
                continue;
            }

            var target = method.IsStatic ? null : instance;
            if (isAuthenticate)
            {
                authenticateMethods.Add((method, name));
                var handler = ReflectedAuthenticateHandler.TryBind(method, target, name, errors);
                if (handler is not null && setup.Authenticate is null)
                {
                    setup = setup.WithAuthenticate(handler);
                }

                continue;
            }

            if (ons.Length == 0)
            {
                continue;
            }

            if (!OnHandlerBinder.TryGetSignature(method, name, out var valueType, out var takesToken, out var shape, out var error))
            {
                errors.Add(error!);
                continue;
            }

            var on = OnHandlerBinder.Bind(method, target, name, valueType, takesToken, shape);
            foreach (var attribute in ons)
            {
                var problem = setup.TryAdd(attribute.Resource, attribute.Action, on, $"[On(\"{attribute.Resource}\", \"{attribute.Action}\")] on {name}", out setup);
                if (problem is not null)
                {
                    errors.Add(problem);
                }
            }
        }

        if (authenticateMethods.Count == 0)
        {
            errors.Insert(0, $"{type.Name} has no [Authenticate] method; mark exactly one method with [Authenticate].");
        }
        else if (authenticateMethods.Count > 1)
        {
            errors.Insert(0, $"{type.Name} has {authenticateMethods.Count} [Authenticate] methods ({string.Join(", ", authenticateMethods.Select(m => m.Name))}); exactly one method may carry it.");
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"{type.Name} is not a valid set of auth handlers:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", errors)}");
        }

        return new Auth(setup);
    }
}
