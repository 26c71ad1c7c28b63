using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.Testing;

/// <summary>
/// Runs the real LangGraph API server (<c>langgraphjs dev</c> from <c>@langchain/langgraph-cli</c>) from the bundled fixture
/// in <c>tests/server</c>: installs it with <c>npm ci</c> when needed, starts it on a free 127.0.0.1 port in its own
/// process group from a fresh copy of the fixture (clean state), waits for <c>GET /info</c>, and kills the whole
/// process group on dispose.
/// </summary>
public sealed class LangGraphDevServer : IAsyncDisposable
{
    private const int SigKill = 9;
    private const int SigTerm = 15;
    private const int MaxLogLines = 400;

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    private readonly Process _process;
    private readonly string _workDirectory;
    private readonly ConcurrentQueue<string> _log;
    private readonly Action<string>? _progress;
    private int _disposed;

    private LangGraphDevServer(Process process, Uri url, string workDirectory, ConcurrentQueue<string> log, Action<string>? progress)
    {
        _process = process;
        Url = url;
        _workDirectory = workDirectory;
        _log = log;
        _progress = progress;
        ProcessGroupId = process.Id;
    }

    /// <summary>Gets the server's base URL, for example <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Url { get; }

    /// <summary>Gets the id of the server's process group (killed as a whole on dispose).</summary>
    public int ProcessGroupId { get; }

    /// <summary>Gets the last lines the server printed, for diagnostics.</summary>
    public string Output => string.Join(Environment.NewLine, _log);

    /// <summary>Gets the fixture directory bundled with this repository (<c>tests/server</c>).</summary>
    public static string BundledFixtureDirectory =>
        typeof(LangGraphDevServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "LangGraphServerFixtureDirectory")?.Value
        ?? throw new InvalidOperationException("The LangGraph server fixture directory is not recorded in this assembly.");

    /// <summary>Starts a server and waits until it answers <c>GET /info</c>.</summary>
    /// <param name="options">How to start it; the bundled fixture with auth when null.</param>
    /// <param name="cancellationToken">Cancels the start (the server is then stopped).</param>
    /// <returns>The running server.</returns>
    /// <exception cref="InvalidOperationException">Node.js is missing, npm ci failed, or the server did not become ready.</exception>
    public static async Task<LangGraphDevServer> StartAsync(LangGraphDevServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        // A free port is picked by binding port 0 and releasing it, so another socket (another server starting, or an
        // outgoing connection's local port) can take it before the server listens: the server then reports EADDRINUSE.
        // With a port of our choosing, start again on a new one.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (PortTakenException ex) when ((options?.Port ?? 0) == 0 && attempt < 3)
            {
                options?.Log?.Invoke($"{ex.Message.Split(Environment.NewLine)[0]} Starting again on another port.");
            }
        }
    }

    private static async Task<LangGraphDevServer> StartOnceAsync(LangGraphDevServerOptions? options, CancellationToken cancellationToken)
    {
        options ??= new LangGraphDevServerOptions();
        var fixture = Path.GetFullPath(options.FixtureDirectory ?? BundledFixtureDirectory);
        if (!File.Exists(Path.Combine(fixture, options.ConfigFile)) && !options.Files.ContainsKey(options.ConfigFile))
        {
            throw new InvalidOperationException($"The LangGraph server fixture has no '{options.ConfigFile}' in '{fixture}'.");
        }

        var nodeVersion = await RunToEndAsync(options.NodeCommand, ["--version"], fixture, cancellationToken).ConfigureAwait(false);
        if (nodeVersion is null || nodeVersion.Value.ExitCode != 0)
        {
            throw new InvalidOperationException(
                "Node.js 20 or later is required to run the real LangGraph server for the integration tests and the Quickstart, " +
                $"but '{options.NodeCommand}' could not be run. Install Node.js 20+ (with npm) on PATH and run again.");
        }

        var version = nodeVersion.Value.Output.Trim().TrimStart('v');
        if (!int.TryParse(version.Split('.')[0], out var major) || major < 20)
        {
            throw new InvalidOperationException(
                $"Node.js 20 or later is required to run the real LangGraph server, but '{options.NodeCommand}' is version {nodeVersion.Value.Output.Trim()}.");
        }

        await EnsureInstalledAsync(fixture, options.Log, cancellationToken).ConfigureAwait(false);

        var work = PrepareWorkDirectory(fixture);
        foreach (var (relative, content) in options.Files)
        {
            var target = Path.GetFullPath(Path.Combine(work, relative));
            if (!target.StartsWith(work + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The extra file '{relative}' is outside the server's work directory.", nameof(options));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, content);
        }

        var port = options.Port == 0 ? FindFreePort() : options.Port;
        var url = new Uri($"http://127.0.0.1:{port}");
        var cli = Path.Combine(fixture, "node_modules", "@langchain", "langgraph-cli", "dist", "cli", "cli.mjs");
        if (!File.Exists(cli))
        {
            cli = Path.GetFullPath(Path.Combine(fixture, "node_modules", ".bin", "langgraphjs"));
        }

        // setsid makes the shell the leader of a new process group; the shell starts the server in that group and
        // kills the group when its stdin closes, so the server dies with the test process even if that one crashes.
        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = work,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])
            ["sh", "-c", "\"$0\" \"$@\" </dev/null & read -r _; kill -TERM 0", options.NodeCommand, cli, "dev",
             "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--no-browser", "--no-reload", "--config", options.ConfigFile])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in new[] { "LANGGRAPH_API_KEY", "LANGSMITH_API_KEY", "LANGCHAIN_API_KEY", "LANGSMITH_ENDPOINT", "LANGCHAIN_ENDPOINT" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["LANGGRAPH_CLI_NO_ANALYTICS"] = "1";
        start.Environment["BROWSER"] = "none";
        start.Environment["LANGSMITH_TRACING"] = "false";
        start.Environment["LANGCHAIN_TRACING_V2"] = "false";
        start.Environment["LOG_LEVEL"] = "info";
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in options.EnvironmentVariables)
        {
            start.Environment[name] = value;
        }

        var log = new ConcurrentQueue<string>();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("The LangGraph dev server process did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("Could not run 'setsid' to start the LangGraph dev server in its own process group.", ex);
        }

        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new LangGraphDevServer(process, url, work, log, options.Log);
        options.Log?.Invoke($"Starting the LangGraph dev server ({options.ConfigFile}) at {url} in process group {server.ProcessGroupId}.");
        try
        {
            await server.WaitUntilReadyAsync(options.StartupTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return server;
    }

    /// <summary>True while any process of the group is alive.</summary>
    /// <param name="processGroupId">The process group id.</param>
    /// <returns>Whether the group still has a process.</returns>
    public static bool IsProcessGroupAlive(int processGroupId) => kill(-processGroupId, 0) == 0;

    /// <summary>Stops the server: SIGTERM to its process group, SIGKILL if it is still there after 10 seconds.</summary>
    /// <returns>A task that completes when every process of the group is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        kill(-ProcessGroupId, SigTerm);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (IsProcessGroupAlive(ProcessGroupId) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100).ConfigureAwait(false);
        }

        if (IsProcessGroupAlive(ProcessGroupId))
        {
            kill(-ProcessGroupId, SigKill);
            deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
            while (IsProcessGroupAlive(ProcessGroupId) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        try
        {
            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _process.WaitForExitAsync(exited.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The group was killed; the shell's exit is only awaited for tidiness.
        }

        _process.Dispose();
        _progress?.Invoke($"Stopped the LangGraph dev server at {Url} (process group {ProcessGroupId}).");
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SA1300, IDE1006 // libc's name.
    private static extern int kill(int pid, int sig);
#pragma warning restore SA1300, IDE1006

    private static void Append(ConcurrentQueue<string> log, string? line)
    {
        if (line is null)
        {
            return;
        }

        log.Enqueue(line);
        while (log.Count > MaxLogLines && log.TryDequeue(out _))
        {
        }
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A fresh copy of the fixture's sources (state starts empty), sharing the installed node_modules.</summary>
    private static string PrepareWorkDirectory(string fixture)
    {
        var work = Path.Combine(Path.GetTempPath(), "langgraph-dev-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(work);
        foreach (var file in Directory.EnumerateFiles(fixture))
        {
            var name = Path.GetFileName(file);
            if (name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".ts", StringComparison.Ordinal) || name == ".gitignore")
            {
                File.Copy(file, Path.Combine(work, name));
            }
        }

        CopyDirectory(Path.Combine(fixture, "src"), Path.Combine(work, "src"));
        Directory.CreateSymbolicLink(Path.Combine(work, "node_modules"), Path.Combine(fixture, "node_modules"));
        return work;
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            CopyDirectory(directory, Path.Combine(target, Path.GetFileName(directory)));
        }
    }

    private static async Task EnsureInstalledAsync(string fixture, Action<string>? log, CancellationToken cancellationToken)
    {
        static bool Installed(string fixture) =>
            File.Exists(Path.Combine(fixture, "node_modules", ".bin", "langgraphjs"))
            && File.Exists(Path.Combine(fixture, "node_modules", ".package-lock.json"));

        if (Installed(fixture))
        {
            return;
        }

        await InstallLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another process (the Quickstart, a second test run) may install at the same time: take a file lock.
            using var fileLock = await AcquireFileLockAsync(Path.Combine(fixture, ".npm-ci.lock"), cancellationToken).ConfigureAwait(false);
            if (Installed(fixture))
            {
                return;
            }

            log?.Invoke($"Installing the LangGraph server fixture with 'npm ci' in {fixture} (first run only)...");
            var result = await RunToEndAsync("npm", ["ci", "--no-audit", "--no-fund"], fixture, cancellationToken).ConfigureAwait(false);
            if (result is null)
            {
                throw new InvalidOperationException("'npm' could not be run from PATH: install Node.js 20+ with npm to run the LangGraph dev server.");
            }

            if (result.Value.ExitCode != 0 || !Installed(fixture))
            {
                throw new InvalidOperationException($"'npm ci' failed in {fixture} (exit code {result.Value.ExitCode}):{Environment.NewLine}{result.Value.Output}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<FileStream> AcquireFileLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(500, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<(int ExitCode, string Output)?> RunToEndAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The LangGraph dev server exited with code {_process.ExitCode} before it was ready. Its output:{Environment.NewLine}{Output}");
            }

            if (_log.Any(line => line.Contains("EADDRINUSE", StringComparison.Ordinal)))
            {
                throw new PortTakenException(
                    $"The port of the LangGraph dev server at {Url} was taken before it could listen (EADDRINUSE). Its output:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Url, "/info"), cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    _progress?.Invoke($"The LangGraph dev server at {Url} is ready after {deadline.Elapsed.TotalSeconds:0.0} s.");
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A slow answer while it starts.
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException(
            $"The LangGraph dev server at {Url} did not answer GET /info within {timeout.TotalSeconds:0} s. Its output:{Environment.NewLine}{Output}");
    }

    /// <summary>The server could not listen: its port was taken between our pick and its start.</summary>
    private sealed class PortTakenException(string message) : InvalidOperationException(message);
}
