using System.Diagnostics;
using System.Text;
using Crawler.Pipeline.Faults;

namespace Crawler.LoadTest.CrashTest;

/// <summary>
/// Runs the real <c>crawler</c> binary (crawler.dll beside this assembly) as a child process. With a crash point set,
/// it watches stderr for the <see cref="CrashPoint.Marker"/> line and then kills the whole process tree with SIGKILL
/// (what <see cref="Process.Kill(bool)"/> sends on Linux) while the worker is blocked at that point.
/// </summary>
public sealed class WorkerProcess(string crawlerDll, IReadOnlyDictionary<string, string> environment)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    public static string BesideThisAssembly => Path.Combine(AppContext.BaseDirectory, "crawler.dll");

    public async Task<WorkerRun> RunAsync(string workingDirectory, PlannedKill? kill, CancellationToken cancellationToken, params string[] arguments)
    {
        var info = StartInfo(workingDirectory, kill, arguments);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var errorTail = new Queue<string>();
        var killed = false;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (kill is not null && line.StartsWith(CrashPoint.Marker + " ", StringComparison.Ordinal))
                {
                    process.Kill(entireProcessTree: true);
                    killed = true;
                }
                errorTail.Enqueue(line);
                if (errorTail.Count > 20) errorTail.Dequeue();
            }
        }, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"crawler {string.Join(' ', arguments)} ({kill?.Variable ?? "no crash point"}) ran past {Limit.TotalMinutes} minutes");
        }
        await Task.WhenAll(output, errors).ConfigureAwait(false);
        return new WorkerRun(kill?.Variable, killed, killed ? null : process.ExitCode, clock.Elapsed, string.Join('\n', errorTail));
    }

    /// <summary>Runs a command to its end and returns its standard output; a non-zero exit is an error with its stderr.</summary>
    public async Task<string> OutputOfAsync(string workingDirectory, CancellationToken cancellationToken, params string[] arguments)
    {
        var info = StartInfo(workingDirectory, null, arguments);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0) throw new InvalidOperationException($"crawler {string.Join(' ', arguments)} exited {process.ExitCode}: {await error.ConfigureAwait(false)}");
        return await output.ConfigureAwait(false);
    }

    private ProcessStartInfo StartInfo(string workingDirectory, PlannedKill? kill, string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(crawlerDll);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        info.Environment.Remove(CrashPoint.Variable);
        if (kill is not null) info.Environment[CrashPoint.Variable] = kill.Variable;
        return info;
    }
}
