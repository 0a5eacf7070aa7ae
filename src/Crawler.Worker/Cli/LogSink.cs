using Spectre.Console;

namespace Crawler.Worker.Cli;

/// <summary>
/// Where log lines go: stderr, or a file. While a live progress area is on the screen, lines go through its
/// console so they are printed above it instead of over it.
/// </summary>
internal sealed class LogSink(TextWriter writer, IAnsiConsole? console) : IDisposable
{
    private readonly Lock _gate = new();

    /// <summary>Set while a live progress area is drawn on <see cref="console"/>.</summary>
    public bool Live { get; set; }

    public static LogSink ToFile(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory)) throw new CommandError($"--log 的目录不存在 (the log file's folder does not exist): {directory}", ExitCodes.Usage);
        return new LogSink(new StreamWriter(path, append: true) { AutoFlush = true }, null);
    }

    public void Write(string line)
    {
        lock (_gate)
        {
            if (Live && console is not null) console.Write(new Text(line + "\n"));
            else writer.WriteLine(line);
        }
    }

    public void Dispose()
    {
        if (console is null) writer.Dispose();
    }
}
