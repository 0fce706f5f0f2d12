using CampaignBot.Core.Domain;
using CampaignBot.Core.Options;
using CampaignBot.Core.Ports;
using Microsoft.Extensions.Options;

namespace CampaignBot.Commands.Services;

/// <summary>The campaign's effective settings: configuration, overridden by what organisers set in the store.</summary>
public sealed class CampaignState(ICampaignStore store, IOptions<CampaignOptions> options)
{
    public async Task<string> TimeZoneAsync(CancellationToken cancellationToken) =>
        await store.GetSettingAsync(SettingKeys.TimeZone, cancellationToken).ConfigureAwait(false) ?? options.Value.TimeZone;

    public async Task<string> NameAsync(CancellationToken cancellationToken) =>
        await store.GetSettingAsync(SettingKeys.CampaignName, cancellationToken).ConfigureAwait(false)
        ?? options.Value.Name
        ?? "CampaignBot";

    public IReadOnlyList<string> ConfiguredHashtags => options.Value.Hashtags;

    /// <summary>Configured ∪ tracked − untracked.</summary>
    public async Task<IReadOnlyList<string>> HashtagsAsync(CancellationToken cancellationToken)
    {
        var changes = await store.ListHashtagChangesAsync(cancellationToken).ConfigureAwait(false);
        return Hashtags.Effective(options.Value.Hashtags, changes);
    }
}
