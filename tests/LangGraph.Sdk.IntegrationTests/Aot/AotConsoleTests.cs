using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using FluentAssertions;
using Xunit.Abstractions;

namespace LangGraph.Sdk.IntegrationTests.Aot;

/// <summary>
/// The native AOT build of <c>samples/AotConsole</c> against the real server: it creates a thread, streams a run on
/// <c>echo</c> and calls RemoteGraph. <c>.ci/run</c> publishes it (failing on any trim/AOT warning) and passes its path in
/// <c>LANGGRAPH_AOT_BINARY</c>; without that variable (a plain <c>dotnet test</c>) the test publishes it itself, once,
/// under a machine-wide lock that the net8.0 and net10.0 test runs share.
/// </summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class AotConsoleTests(LangGraphServerFixture server, ITestOutputHelper log)
{
    private const string BinaryVariable = "LANGGRAPH_AOT_BINARY";

    private static readonly Lazy<string> Binary = new(() => Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } path ? path : Publish());

    [Fact]
    public void The_native_binary_creates_a_thread_streams_a_run_and_calls_RemoteGraph()
    {
        var binary = Binary.Value;

        File.Exists(binary).Should().BeTrue($"{BinaryVariable} or the test's own publish names the native binary ({binary})");

        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["LANGGRAPH_API_URL"] = server.Url.ToString();
        start.Environment["LANGGRAPH_API_KEY"] = LangGraphServerFixture.AliceKey;
        var (exitCode, output, error) = Run(start, TimeSpan.FromMinutes(1));
        log.WriteLine(output + error);

        exitCode.Should().Be(0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().HaveCount(3);
        lines[0].Should().MatchRegex("^thread: [0-9a-f-]{36}$");
        lines[1].Should().MatchRegex(@"^stream: [1-9][0-9]* events, first-event-ms=[0-9]+$");
        lines[2].Should().Be("remote: echo: remote");
    }

    [Fact]
    public void The_native_binary_exits_non_zero_when_the_server_is_unreachable()
    {
        var binary = Binary.Value;

        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["LANGGRAPH_API_URL"] = "http://127.0.0.1:1";
        start.Environment["LANGGRAPH_API_KEY"] = LangGraphServerFixture.AliceKey;
        var (exitCode, output, error) = Run(start, TimeSpan.FromMinutes(1));

        exitCode.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().StartWith("failed: LangGraphException: Could not reach the LangGraph server");
    }

    /// <summary>Publishes the sample as native AOT into its own bin folder; publish is incremental, so a second call is quick.</summary>
    private static string Publish()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "LangGraph.Sdk.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("LangGraph.Sdk.sln not found above the test assembly.");
        }

        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        var rid = $"{os}-{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}";
        var outDir = Path.Combine(root, "samples", "AotConsole", "bin", "integration-test", rid);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        foreach (var arg in new[] { "publish", "samples/AotConsole/AotConsole.csproj", "-c", "Release", "-r", rid, "-o", outDir, "-p:TrimmerSingleWarn=false", "-nologo" })
        {
            start.ArgumentList.Add(arg);
        }

        using var mutex = new Mutex(false, "LangGraphSdkAotConsolePublish");
        try
        {
            mutex.WaitOne();
        }
        catch (AbandonedMutexException)
        {
            // The other framework's test run died while publishing; the lock is ours now.
        }

        try
        {
            var (exitCode, output, error) = Run(start, TimeSpan.FromMinutes(9));
            exitCode.Should().Be(0, output + error);
            output.Should().NotContainAny(["warning IL2", "warning IL3"]);
        }
        finally
        {
            mutex.ReleaseMutex();
        }

        return Path.Combine(outDir, OperatingSystem.IsWindows() ? "AotConsole.exe" : "AotConsole");
    }

    private static (int ExitCode, string Output, string Error) Run(ProcessStartInfo start, TimeSpan timeout)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}.");
        }

        return (process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }
}
