namespace LangGraph.Sdk.IntegrationTests.Diagnostics;

/// <summary>
/// The telemetry tests run alone, on a server of their own: OpenTelemetry's providers listen process-wide, so the
/// metrics they read must not include other tests' calls.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection : ICollectionFixture<LangGraphServerFixture>
{
    public const string Name = "LangGraph telemetry";
}
