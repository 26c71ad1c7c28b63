namespace LangGraph.Sdk.Auth;

/// <summary>A registered <c>[On]</c> handler: the (resource, action) it was registered for and its name.</summary>
public sealed class AuthHandlerInfo
{
    internal AuthHandlerInfo(string resource, string action, string name)
    {
        Resource = resource;
        Action = action;
        Name = name;
    }

    /// <summary>Gets the resource the handler was registered for, or <c>"*"</c>.</summary>
    public string Resource { get; }

    /// <summary>Gets the action the handler was registered for, or <c>"*"</c>.</summary>
    public string Action { get; }

    /// <summary>Gets the handler's name: <c>Type.Method</c> for an attribute handler, a description for a delegate.</summary>
    public string Name { get; }

    /// <summary>Gets the registration key, <c>"resource:action"</c> (for example <c>"threads:*"</c>).</summary>
    public string Key => $"{Resource}:{Action}";

    /// <inheritdoc />
    public override string ToString() => $"{Key} ({Name})";
}
