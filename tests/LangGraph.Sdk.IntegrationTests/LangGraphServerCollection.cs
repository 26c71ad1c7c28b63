namespace LangGraph.Sdk.IntegrationTests;

/// <summary>Every integration test class joins this collection, so one server serves the whole run.</summary>
[CollectionDefinition(Name)]
public sealed class LangGraphServerCollection : ICollectionFixture<LangGraphServerFixture>
{
    public const string Name = "LangGraph server";
}
