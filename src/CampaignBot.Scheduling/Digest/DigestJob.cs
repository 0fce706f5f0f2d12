using System.Globalization;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Time;
using CampaignBot.Scheduling.Delivery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace CampaignBot.Scheduling.Digest;

/// <summary>
/// Runs every minute and sends the day's digest once the campaign's local time passes <c>Scheduling:DigestTime</c>.
/// Checking the local time on each run (rather than a cron fixed in one zone) keeps it right when the campaign zone
/// changes or the clocks go back or forward; the delivery log's key (<c>digest:YYYY-MM-DD</c>) makes it once a day.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(
    ICampaignStore store,
    DigestComposer composer,
    Deliverer deliverer,
    IOptions<SchedulingOptions> options,
    CampaignState campaign,
    TimeProvider clock,
    ILogger<DigestJob> logger) : IJob
{
    public static readonly JobKey Key = new("daily", "digest");

    public const string LastSentSetting = "digest.last-sent";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await SendIfDueAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Sends today's digest if its time has come and it hasn't gone yet; true when it was sent now.</summary>
    public async Task<bool> SendIfDueAsync(CancellationToken cancellationToken)
    {
        if (options.Value.DigestOff)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var zone = await campaign.TimeZoneAsync(cancellationToken).ConfigureAwait(false);
        var local = TimeText.ToZone(now, zone, out _);
        var today = DateOnly.FromDateTime(local.DateTime);
        var at = TimeOnly.ParseExact(options.Value.DigestTime, "HH:mm", CultureInfo.InvariantCulture);
        var key = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var passed = TimeOnly.FromDateTime(local.DateTime) >= at;
        var lastSent = await store.GetSettingAsync(LastSentSetting, cancellationToken).ConfigureAwait(false);
        if (lastSent is null)
        {
            // A brand-new bot starts counting now: its first digest goes at the next digest time, not the moment it
            // first starts after today's.
            var counted = passed ? today : today.AddDays(-1);
            await store.SetSettingAsync(LastSentSetting, counted.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (!passed || lastSent == key)
        {
            return false;
        }

        var destinations = (await store.ListSubscriptionsAsync(cancellationToken).ConfigureAwait(false)).Select(s => s.Destination).ToArray();
        var digest = await composer.ComposeAsync(today, now, cancellationToken).ConfigureAwait(false);
        var prepared = await deliverer.PrepareAsync($"digest:{key}", digest, destinations, cancellationToken).ConfigureAwait(false);
        var results = await deliverer.SendAsync(prepared, cancellationToken).ConfigureAwait(false);
        await store.SetSettingAsync(LastSentSetting, key, cancellationToken).ConfigureAwait(false);
        Log.DigestSent(logger, results.Count(r => r.Sent));
        return true;
    }
}
