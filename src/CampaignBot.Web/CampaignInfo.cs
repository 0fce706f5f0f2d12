using System.Security.Cryptography;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Options;
using CampaignBot.Core.Ports;
using Microsoft.Extensions.Options;

namespace CampaignBot.Web;

/// <summary>What the campaign publishes about itself: its name, description, zone and tracked hashtags.</summary>
internal sealed class CampaignInfo(ICampaignStore store, IOptions<CampaignOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _making = new(1, 1);
    private string? _calendarId;

    public async Task<string> NameAsync(CancellationToken cancellationToken) =>
        await store.GetSettingAsync(SettingKeys.CampaignName, cancellationToken).ConfigureAwait(false)
        ?? options.Value.Name
        ?? "CampaignBot";

    public Task<string?> DescriptionAsync(CancellationToken cancellationToken) =>
        store.GetSettingAsync(SettingKeys.CampaignDescription, cancellationToken);

    public async Task<string> TimeZoneAsync(CancellationToken cancellationToken) =>
        await store.GetSettingAsync(SettingKeys.TimeZone, cancellationToken).ConfigureAwait(false) ?? options.Value.TimeZone;

    public async Task<IReadOnlyList<string>> HashtagsAsync(CancellationToken cancellationToken) =>
        Hashtags.Effective(options.Value.Hashtags, await store.ListHashtagChangesAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// A random id made once per database and kept: it makes calendar UIDs unique to this campaign and stable across
    /// restarts and address changes (a UID that changed would duplicate every action in subscribers' calendars).
    /// </summary>
    public async Task<string> CalendarIdAsync(CancellationToken cancellationToken)
    {
        if (_calendarId is { } known)
        {
            return known;
        }

        await _making.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stored = await store.GetSettingAsync(SettingKeys.CalendarId, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                stored = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
                await store.SetSettingAsync(SettingKeys.CalendarId, stored, cancellationToken).ConfigureAwait(false);
            }

            return _calendarId = stored;
        }
        finally
        {
            _making.Release();
        }
    }

    public void Dispose() => _making.Dispose();
}
