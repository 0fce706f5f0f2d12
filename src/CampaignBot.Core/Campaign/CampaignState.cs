using CampaignBot.Core.Domain;
using CampaignBot.Core.Options;
using CampaignBot.Core.Ports;
using Microsoft.Extensions.Options;

namespace CampaignBot.Core.Campaign;

/// <summary>
/// The campaign's effective settings — configuration, overridden by what organisers set in the store — in one place:
/// time zone, name, description, tracked hashtags (configured ∪ tracked − untracked) and whether auto-boost is
/// paused. Reads are shared for <see cref="CacheFor"/> (the reminder dispatcher, auto-boost and every command ask
/// often); changes made through this service are seen at once in this process, and within
/// <see cref="CacheFor"/> on other nodes.
/// </summary>
public sealed class CampaignState(ICampaignStore store, IOptions<CampaignOptions> options, TimeProvider clock)
{
    /// <summary>How long one read of the store's settings is reused.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1);

    /// <summary>The name shown when neither the store nor configuration names the campaign.</summary>
    public const string DefaultName = "CampaignBot";

    private const string True = "true";
    private volatile Snapshot? _snapshot;

    /// <summary>The hashtags configuration tracks (<c>Campaign:Hashtags</c>), before organisers' changes.</summary>
    public IReadOnlyList<string> ConfiguredHashtags => options.Value.Hashtags;

    public async Task<string> TimeZoneAsync(CancellationToken cancellationToken) => (await CurrentAsync(cancellationToken).ConfigureAwait(false)).TimeZone;

    public async Task<string> NameAsync(CancellationToken cancellationToken) => (await CurrentAsync(cancellationToken).ConfigureAwait(false)).Name;

    public async Task<string?> DescriptionAsync(CancellationToken cancellationToken) => (await CurrentAsync(cancellationToken).ConfigureAwait(false)).Description;

    public async Task<IReadOnlyList<string>> HashtagsAsync(CancellationToken cancellationToken) => (await CurrentAsync(cancellationToken).ConfigureAwait(false)).Hashtags;

    public async Task<bool> BoostPausedAsync(CancellationToken cancellationToken) => (await CurrentAsync(cancellationToken).ConfigureAwait(false)).BoostPaused;

    public async Task SetTimeZoneAsync(string zone, CancellationToken cancellationToken)
    {
        await store.SetSettingAsync(SettingKeys.TimeZone, zone, cancellationToken).ConfigureAwait(false);
        Invalidate();
    }

    /// <summary>Names the campaign (the seed file's <c>campaign.name</c>), over <c>Campaign:Name</c>.</summary>
    public async Task SetNameAsync(string name, CancellationToken cancellationToken)
    {
        await store.SetSettingAsync(SettingKeys.CampaignName, name, cancellationToken).ConfigureAwait(false);
        Invalidate();
    }

    public async Task SetDescriptionAsync(string description, CancellationToken cancellationToken)
    {
        await store.SetSettingAsync(SettingKeys.CampaignDescription, description, cancellationToken).ConfigureAwait(false);
        Invalidate();
    }

    public async Task SetBoostPausedAsync(bool paused, CancellationToken cancellationToken)
    {
        await store.SetSettingAsync(SettingKeys.BoostPaused, paused ? True : "false", cancellationToken).ConfigureAwait(false);
        Invalidate();
    }

    public async Task RecordHashtagChangeAsync(HashtagChange change, CancellationToken cancellationToken)
    {
        await store.RecordHashtagChangeAsync(change, cancellationToken).ConfigureAwait(false);
        Invalidate();
    }

    // A change made here is seen at once in this process.
    private void Invalidate() => _snapshot = null;

    private async ValueTask<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_snapshot is { } shared && now - shared.ReadAt < CacheFor && now >= shared.ReadAt)
        {
            return shared;
        }

        var configured = options.Value;
        var zone = await store.GetSettingAsync(SettingKeys.TimeZone, cancellationToken).ConfigureAwait(false) ?? configured.TimeZone;
        var name = await store.GetSettingAsync(SettingKeys.CampaignName, cancellationToken).ConfigureAwait(false) ?? configured.Name ?? DefaultName;
        var description = await store.GetSettingAsync(SettingKeys.CampaignDescription, cancellationToken).ConfigureAwait(false);
        var paused = await store.GetSettingAsync(SettingKeys.BoostPaused, cancellationToken).ConfigureAwait(false) == True;
        var changes = await store.ListHashtagChangesAsync(cancellationToken).ConfigureAwait(false);
        var snapshot = new Snapshot(zone, name, description, Hashtags.Effective(configured.Hashtags, changes), paused, now);
        _snapshot = snapshot;
        return snapshot;
    }

    private sealed record Snapshot(string TimeZone, string Name, string? Description, IReadOnlyList<string> Hashtags, bool BoostPaused, DateTimeOffset ReadAt);
}
