namespace Crawler.Worker.Tests.Cli;

/// <summary>Redirects Console.Out and Console.Error for one command run and restores them.</summary>
internal sealed class ConsoleCapture : IDisposable
{
    private readonly TextWriter _out = Console.Out;
    private readonly TextWriter _error = Console.Error;

    public ConsoleCapture()
    {
        Console.SetOut(Output);
        Console.SetError(Error);
    }

    public StringWriter Output { get; } = new();

    public StringWriter Error { get; } = new();

    public void Dispose()
    {
        Console.SetOut(_out);
        Console.SetError(_error);
    }
}
