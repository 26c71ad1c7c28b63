using BenchmarkDotNet.Running;

namespace LangGraph.Sdk.Auth.Benchmarks;

/// <summary>Run in Release: <c>dotnet run -c Release --project benchmarks/LangGraph.Sdk.Auth.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
