using System.Security.Cryptography;
using CampaignBot.Core.Ports;

namespace CampaignBot.Web.Calendar;

/// <summary>The campaign's calendar identity, made once per database.</summary>
internal sealed class CalendarIdentity(ICampaignStore store) : IDisposable
{
    private readonly SemaphoreSlim _making = new(1, 1);
    private string? _calendarId;

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
