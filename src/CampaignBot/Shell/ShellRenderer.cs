using CampaignBot.Core.Results;

namespace CampaignBot.Shell;

/// <summary>How results read in a terminal.</summary>
internal static class ShellRenderer
{
    public static string Render(Result<Reply> result, TimeProvider clock) =>
        result.TryGet(out var reply, out var error) ? ReplyText.Render(reply, clock) : Render(error);

    public static string Render(Error error) => error.Hint is null ? $"Error: {error.Message}" : $"Error: {error.Message}{Environment.NewLine}  {error.Hint}";
}
