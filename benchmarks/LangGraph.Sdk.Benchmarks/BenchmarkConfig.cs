using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace LangGraph.Sdk.Benchmarks;

/// <summary>
/// Few iterations (the machine has two cores, shared), a memory diagnoser, the median, and an events-per-second column
/// taken from the median (less sensitive than the mean to other processes on a shared machine). Each benchmark reads a
/// whole stream per invocation and declares one operation per event, so that Mean and Median are the time per event
/// and Allocated the bytes allocated per event.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    /// <param name="inProcess">
    /// Whether to measure in this process (<c>--inProcess</c>): the Quick job with the in-process toolchain, instead of a
    /// second job next to it (as BenchmarkDotNet's own option adds), and no child project to build, which on a loaded
    /// machine can take longer than BenchmarkDotNet waits for it.
    /// </param>
    public BenchmarkConfig(bool inProcess = false)
    {
        var job = Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15).WithId("Quick");
        AddJob(inProcess ? job.WithToolchain(InProcessEmitToolchain.Instance) : job);
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, new EventsPerSecondColumn());
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddLogger(DefaultConfig.Instance.GetLoggers().ToArray());
        AddExporter(DefaultConfig.Instance.GetExporters().ToArray());
        AddAnalyser(DefaultConfig.Instance.GetAnalysers().ToArray());
        AddValidator(DefaultConfig.Instance.GetValidators().ToArray());
        WithOption(ConfigOptions.JoinSummary, true);
    }

    /// <summary>Events per second from the median time per operation (one operation = one event).</summary>
    private sealed class EventsPerSecondColumn : IColumn
    {
        public string Id => nameof(EventsPerSecondColumn);

        public string ColumnName => "Events/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Events per second: 1 s / Median (one operation is one event)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            return report?.ResultStatistics is { } stats
                ? (1e9 / stats.Median).ToString("N0", CultureInfo.InvariantCulture)
                : "-";
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
