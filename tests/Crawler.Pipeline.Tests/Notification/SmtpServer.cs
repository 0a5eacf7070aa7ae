using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Crawler.Tests.Shared;

namespace Crawler.Pipeline.Tests.Notification;

/// <summary>A real SMTP server on 127.0.0.1: /usr/bin/python3 with aiosmtpd, started and stopped by the test.</summary>
internal sealed class SmtpServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private SmtpServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SmtpServer> StartAsync(string? requiredLogin = null)
    {
        var directory = Directory.CreateTempSubdirectory("smtp-").FullName;
        var port = LoopbackPorts.Free();
        var script = Path.Combine(RepositoryPaths.Root, "tests", "Crawler.Pipeline.Tests", "Notification", "smtp_sink.py");
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { script, directory, port.ToString(System.Globalization.CultureInfo.InvariantCulture) }) start.ArgumentList.Add(argument);
        if (requiredLogin is not null) start.ArgumentList.Add(requiredLogin);
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != "READY")
        {
            var error = await process.StandardError.ReadToEndAsync(timeout.Token);
            throw new InvalidOperationException($"aiosmtpd did not start (install python3-aiosmtpd): {line} {error}");
        }
        return new SmtpServer(process, directory, port);
    }

    public async Task<IReadOnlyList<ReceivedMail>> MessagesAsync(int atLeast, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var files = Directory.GetFiles(_directory, "*.json").Order().ToList();
            if (files.Count >= atLeast || DateTime.UtcNow > deadline)
            {
                return files.Select(f => JsonSerializer.Deserialize<ReceivedMail>(File.ReadAllText(f), JsonSerializerOptions.Web)!).ToList();
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
