namespace LangGraph.Sdk.Auth.Handlers;

/// <summary>One registered <c>[On]</c> handler and the key it guards.</summary>
/// <param name="Key">What it guards.</param>
/// <param name="Handler">The compiled handler.</param>
/// <param name="Info">What <see cref="Auth.Handlers"/> shows of it.</param>
internal sealed record Registration(HandlerKey Key, OnHandler Handler, AuthHandlerInfo Info);
