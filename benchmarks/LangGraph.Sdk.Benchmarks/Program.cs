using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace LangGraph.Sdk.Benchmarks;

internal static class Program
{
    // dotnet run -c Release --project benchmarks/LangGraph.Sdk.Benchmarks -- --inProcess --filter '*'
    // Any BenchmarkDotNet option works after --, for example --job short. --inProcess runs the Quick job in this process
    // (see BenchmarkConfig) rather than adding an in-process job next to it.
    public static void Main(string[] args)
    {
        var inProcess = args.Contains("--inProcess", StringComparer.OrdinalIgnoreCase);
        var rest = args.Where(a => !string.Equals(a, "--inProcess", StringComparison.OrdinalIgnoreCase)).ToArray();
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, new BenchmarkConfig(inProcess));
    }
}
