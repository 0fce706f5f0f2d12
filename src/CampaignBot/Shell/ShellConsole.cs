namespace CampaignBot.Shell;

/// <summary>
/// The terminal the shell adapter talks through. Writes are serialised, so a reminder printed by a job never
/// tears a reply in half.
/// </summary>
public sealed class ShellConsole(TextReader input, TextWriter output, bool interactive)
{
    private readonly Lock _gate = new();

    public static ShellConsole System() => new(Console.In, Console.Out, !Console.IsInputRedirected);

    public bool Interactive => interactive;

    public TextReader Input => input;

    public void Write(string text)
    {
        lock (_gate)
        {
            output.Write(text);
            output.Flush();
        }
    }

    public void WriteBlock(string text) => Write(text.EndsWith('\n') ? text + Environment.NewLine : text + Environment.NewLine + Environment.NewLine);
}
