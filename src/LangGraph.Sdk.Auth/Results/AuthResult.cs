namespace LangGraph.Sdk.Auth;

/// <summary>
/// What an <see cref="OnAttribute">[On]</see> handler decides (Python's <c>HandlerResult</c>): allow
/// (<c>null</c>, <c>true</c> or <see cref="Allow"/>), deny with 403 (<c>false</c> or <see cref="Deny"/>), or allow with a
/// filter (<see cref="AuthFilter"/>, which is an <see cref="AuthResult"/>).
/// </summary>
/// <remarks>
/// <code>
/// [On("threads", "read")]
/// public AuthResult OnRead(AuthContext ctx, ThreadsRead value) =&gt; new AuthFilter { ["owner"] = ctx.User.Identity };
///
/// [On("assistants", "create")]
/// public AuthResult OnCreate(AuthContext ctx, AssistantsCreate value) =&gt; ctx.Permissions.Contains("assistants:write");
/// </code>
/// </remarks>
public class AuthResult
{
    private protected AuthResult(bool isAllowed)
    {
        IsAllowed = isAllowed;
    }

    /// <summary>Gets the result that allows the request with no filter (the same as returning null or true).</summary>
    public static AuthResult Allow { get; } = new(true);

    /// <summary>Gets the result that denies the request with 403 Forbidden (the same as returning false).</summary>
    public static AuthResult Deny { get; } = new(false);

    /// <summary>Gets whether the request is allowed (true for <see cref="Allow"/> and for every filter).</summary>
    public bool IsAllowed { get; }

    /// <summary>Gets the filter, when the result is one; otherwise null.</summary>
    public AuthFilter? Filter => this as AuthFilter;

    /// <summary>Turns <c>true</c> into <see cref="Allow"/> and <c>false</c> into <see cref="Deny"/>.</summary>
    /// <param name="allowed">Whether to allow the request.</param>
    public static implicit operator AuthResult(bool allowed) => FromBoolean(allowed);

    /// <summary>Turns <c>true</c> into <see cref="Allow"/> and <c>false</c> into <see cref="Deny"/>.</summary>
    /// <param name="allowed">Whether to allow the request.</param>
    /// <returns>The result.</returns>
    public static AuthResult FromBoolean(bool allowed) => allowed ? Allow : Deny;

    /// <inheritdoc />
    public override string ToString() => IsAllowed ? "Allow" : "Deny";
}
