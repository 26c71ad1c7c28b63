namespace LangGraph.Sdk.IntegrationTests.Gateway;

/// <summary>The gateway tests share one gateway and one no-auth server (a second dev server beside the auth one).</summary>
[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "LangGraph auth gateway";
}
