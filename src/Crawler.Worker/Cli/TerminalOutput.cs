using Spectre.Console;

namespace Crawler.Worker.Cli;

/// <summary>A Spectre console over the command's output writer: colour on a terminal, plain text when redirected.</summary>
internal static class TerminalOutput
{
    public static IAnsiConsole For(TextWriter output)
    {
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // A redirected table keeps its full width instead of wrapping every URL at 80 columns.
        if (!terminal) console.Profile.Width = 200;
        return console;
    }
}
