using CampaignBot.Core.Ports;
using CampaignBot.Options;

namespace CampaignBot.Status;

/// <summary>Which adapters run, and why the others don't.</summary>
internal sealed class AdapterStatus(PlatformSettings platforms) : IStatusSource
{
    public string Section => "Adapters";

    public Task<IReadOnlyList<string>> DescribeAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> lines =
        [
            $"shell {(platforms.ShellEnabled ? "on" : "off")} · Discord {Describe(platforms.DiscordConfigured, "Discord:Token")} · Mastodon {Describe(platforms.MastodonConfigured, "Mastodon:InstanceUrl and Mastodon:AccessToken")}",
        ];
        return Task.FromResult(lines);
    }

    private static string Describe(bool configured, string keys) =>
        configured ? "on" : $"off (set {keys})";
}
