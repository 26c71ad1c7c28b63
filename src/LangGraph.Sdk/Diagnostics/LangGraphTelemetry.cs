namespace LangGraph.Sdk;

/// <summary>
/// The names under which the SDK reports traces and metrics, for an OpenTelemetry pipeline:
/// <c>AddSource(LangGraphTelemetry.SourceName)</c> and <c>AddMeter(LangGraphTelemetry.MeterName)</c>. The SDK itself
/// depends on no OpenTelemetry package: it uses <see cref="System.Diagnostics.ActivitySource"/> and
/// <see cref="System.Diagnostics.Metrics.Meter"/>, and costs nothing while nobody listens.
/// </summary>
public static class LangGraphTelemetry
{
    /// <summary>The name of the SDK's <see cref="System.Diagnostics.ActivitySource"/>: one span per operation, named <c>{resource}.{method}</c>.</summary>
    public const string SourceName = "LangGraph.Sdk";

    /// <summary>The name of the SDK's <see cref="System.Diagnostics.Metrics.Meter"/>: operation duration, stream events, retries, reconnects, time to first event.</summary>
    public const string MeterName = "LangGraph.Sdk";
}
