using System;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// Marks a method that authorizes requests to a resource and action (Python's <c>@auth.on…</c>):
/// <c>[On]</c> for every request, <c>[On("threads")]</c> for every thread action, <c>[On("threads", "create")]</c> for
/// one event, <c>[On("*", "read")]</c> for one action of every resource. A method may carry several.
/// </summary>
/// <remarks>
/// The method takes <c>(AuthContext ctx, TValue value)</c> and optionally a <see cref="System.Threading.CancellationToken"/>
/// last, where <c>TValue</c> is the event's value type (<see cref="ThreadsCreate"/>, …), or <see cref="IMetadataValue"/> or
/// <see cref="object"/> for a handler that guards several events. It returns an <see cref="AuthResult"/> (null or true to
/// allow, false to deny with 403, an <see cref="AuthFilter"/> to allow matching resources only), a <c>bool</c>, an
/// <see cref="AuthFilter"/> or nothing, synchronously or as a <c>Task</c>/<c>ValueTask</c>. For each request exactly one
/// handler runs, the most specific: <c>resource:action</c>, then <c>resource</c>, then <c>*:action</c>, then <c>*</c>.
/// <code>
/// [On("threads", "create")]
/// public AuthResult OnThreadCreate(AuthContext ctx, ThreadsCreate value)
/// {
///     value.Metadata["owner"] = ctx.User.Identity;
///     return new AuthFilter { ["owner"] = ctx.User.Identity };
/// }
/// </code>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class OnAttribute : Attribute
{
    /// <summary>Guards every request: resource and action <c>"*"</c> (Python's bare <c>@auth.on</c>).</summary>
    public OnAttribute()
        : this(AuthResources.Any, AuthActions.Any)
    {
    }

    /// <summary>Guards every action of one resource (Python's <c>@auth.on.threads</c>).</summary>
    /// <param name="resource">The resource: <c>threads</c>, <c>assistants</c>, <c>crons</c>, <c>store</c> or <c>*</c>.</param>
    public OnAttribute(string resource)
        : this(resource, AuthActions.Any)
    {
    }

    /// <summary>Guards one action of one resource (Python's <c>@auth.on.threads.create</c>), or of every resource with <c>"*"</c>.</summary>
    /// <param name="resource">The resource: <c>threads</c>, <c>assistants</c>, <c>crons</c>, <c>store</c> or <c>*</c>.</param>
    /// <param name="action">The action, for example <c>create</c>, <c>read</c>, <c>create_run</c>, <c>put</c>, or <c>*</c>.</param>
    public OnAttribute(string resource, string action)
    {
        Resource = resource;
        Action = action;
    }

    /// <summary>Gets the resource, or <c>"*"</c>.</summary>
    public string Resource { get; }

    /// <summary>Gets the action, or <c>"*"</c>.</summary>
    public string Action { get; }
}
