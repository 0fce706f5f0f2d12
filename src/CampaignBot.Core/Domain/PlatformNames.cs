namespace CampaignBot.Core.Domain;

/// <summary>
/// A platform's lower-case name, as keys, labels and idempotency keys spell it. Constant strings: on a send path a
/// thousand reminders long, <c>ToString().ToLowerInvariant()</c> was two allocations and a metadata lookup each time.
/// </summary>
public static class PlatformNames
{
    public static string Of(Platform platform) => platform switch
    {
        Platform.Shell => "shell",
        Platform.Discord => "discord",
        Platform.Mastodon => "mastodon",
        _ => platform.ToString().ToLowerInvariant(),
    };
}
