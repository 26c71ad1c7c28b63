using BenchmarkDotNet.Running;

namespace LangGraph.Sdk.Benchmarks;

internal static class Program
{
    // dotnet run -c Release --project benchmarks/LangGraph.Sdk.Benchmarks -- --filter '*'
    // Any BenchmarkDotNet option works after --, for example --job short or --inProcess.
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new BenchmarkConfig());
}
