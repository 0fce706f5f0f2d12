using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Discord.ScheduledEvents;

/// <summary>
/// Catches up once the gateway is ready on Interested changes made while the bot was down: pages each of the bot's
/// scheduled events' users, adds those not yet counted, and withdraws Interested RSVPs of those no longer listed.
/// </summary>
internal sealed class InterestReconciler(
    DiscordApi api,
    DiscordAdapterStatus status,
    ScheduledEventMirror mirror,
    InterestDispatcher interest,
    ICampaignStore store,
    IOptions<DiscordOptions> options,
    ILogger<InterestReconciler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ScheduledEvents)
        {
            return;
        }

        try
        {
            await status.WhenConnected.WaitAsync(stoppingToken).ConfigureAwait(false);
            var guilds = options.Value.Guilds.Count > 0 ? options.Value.Guilds : status.Guilds;
            foreach (var guild in guilds)
            {
                foreach (var (eventId, scheduledId) in await mirror.KnownAsync(guild, stoppingToken).ConfigureAwait(false))
                {
                    await ReconcileAsync(guild, eventId, scheduledId, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            Log.InterestFailed(logger, exception, "start-up reconciliation");
        }
    }

    private async Task ReconcileAsync(string guild, long eventId, string scheduledId, CancellationToken cancellationToken)
    {
        var interested = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        while (true)
        {
            var page = await api.ListScheduledEventUsersAsync(guild, scheduledId, after, cancellationToken).ConfigureAwait(false);
            if (!page.IsSuccess)
            {
                // Without the whole list nothing may be withdrawn.
                Log.ScheduledEventFailed(logger, eventId, guild, page.Error.ToString());
                return;
            }

            foreach (var entry in page.Value)
            {
                interested.Add(entry.User.Id);
                await interest.AddAsync(eventId, entry.User.Id, cancellationToken).ConfigureAwait(false);
            }

            if (page.Value.Count < 100)
            {
                break;
            }

            after = page.Value[^1].User.Id;
        }

        foreach (var gone in (await store.ListInterestAsync(eventId, Platform.Discord, cancellationToken).ConfigureAwait(false)).Where(id => !interested.Contains(id)))
        {
            await interest.WithdrawAsync(eventId, InterestDispatcher.Member(gone), cancellationToken).ConfigureAwait(false);
        }
    }
}
