using Spectre.Console;

namespace Crawler.Worker.Cli;

/// <summary>A Spectre console over a command's writer: colour and cursor codes on a terminal, plain text otherwise.</summary>
internal static class TerminalOutput
{
    public static IAnsiConsole For(TextWriter output, bool terminal, bool color)
    {
        var ansi = terminal && color;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = ansi ? InteractionSupport.Yes : InteractionSupport.No,
        });
        // A redirected table keeps its full width instead of wrapping every URL at 80 columns.
        if (!terminal) console.Profile.Width = 240;
        return console;
    }
}
