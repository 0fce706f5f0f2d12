using Microsoft.Extensions.Configuration;

namespace CampaignBot.Options;

/// <summary>
/// Which adapters the configuration asks for. Setting a platform's credentials enables it; the shell is on when
/// no platform is configured, unless <c>Shell:Enabled</c> says otherwise.
/// </summary>
public sealed record PlatformSettings(bool DiscordConfigured, bool MastodonConfigured, bool ShellEnabled)
{
    public static PlatformSettings From(IConfiguration configuration)
    {
        var discord = !string.IsNullOrWhiteSpace(configuration["Discord:Token"]);
        var mastodon = !string.IsNullOrWhiteSpace(configuration["Mastodon:InstanceUrl"]) && !string.IsNullOrWhiteSpace(configuration["Mastodon:AccessToken"]);
        var shell = configuration.GetValue<bool?>("Shell:Enabled") ?? !(discord || mastodon);
        return new PlatformSettings(discord, mastodon, shell);
    }
}
