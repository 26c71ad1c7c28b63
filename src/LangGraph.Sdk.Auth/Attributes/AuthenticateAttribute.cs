using System;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// Marks the method that authenticates every request (Python's <c>@auth.authenticate</c>); exactly one method of a
/// handlers class carries it. See <see cref="Auth.FromHandlers{T}(T)"/>.
/// </summary>
/// <remarks>
/// The method takes, by name and in any order, any of: <c>headers</c> (<c>IReadOnlyDictionary&lt;string, string&gt;</c>,
/// names compared case-insensitively), <c>authorization</c> (<c>string?</c>), <c>path</c>, <c>method</c> (<c>string</c>),
/// <c>pathParams</c>, <c>queryParams</c> (<c>IReadOnlyDictionary&lt;string, string&gt;</c>), <c>request</c>
/// (<see cref="AuthRequest"/>, or the host's request type), and a <see cref="System.Threading.CancellationToken"/>.
/// It returns a <see cref="MinimalUserDict"/>, a string identity or any <see cref="IAuthUser"/>, synchronously or as a
/// <c>Task</c>/<c>ValueTask</c>, and rejects a request by throwing <see cref="AuthHttpException"/>.
/// <code>
/// [Authenticate]
/// public async Task&lt;MinimalUserDict&gt; AuthenticateAsync(IReadOnlyDictionary&lt;string, string&gt; headers, CancellationToken cancellationToken)
/// </code>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class AuthenticateAttribute : Attribute
{
}
