using CampaignBot.Commands.Services;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Options;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using CampaignBot.Core.Specs;
using CampaignBot.Core.Time;
using CampaignBot.Options;
using CampaignBot.Shell;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Seeding;

/// <summary>
/// Loads the seed file's campaign name and events into an empty store, once. A store that already has events, or
/// was seeded before, is left alone, so organisers' edits and deletions survive restarts.
/// </summary>
internal sealed class CampaignSeeder(ICampaignStore store, CampaignState campaign, IOptions<CampaignOptions> options, PlatformSettings platforms, TimeProvider clock, ILogger<CampaignSeeder> logger) : IHostedService
{
    private static readonly Person SeedAuthor = new(Platform.Shell, "seed", "campaign seed");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.SeedFile;
        if (string.IsNullOrWhiteSpace(path) || await store.GetSettingAsync(SettingKeys.SeededFrom, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var stats = await store.GetStatsAsync(now, cancellationToken).ConfigureAwait(false);
        if (stats.UpcomingEvents + stats.PastEvents + stats.CancelledEvents == 0 && SeedFileReader.Read(path).TryGet(out var seed, out _))
        {
            var zone = await campaign.TimeZoneAsync(cancellationToken).ConfigureAwait(false);
            var created = 0;
            foreach (var item in seed.Events)
            {
                if (ToEvent(item, zone, now).TryGet(out var draft, out var error))
                {
                    await store.AddEventAsync(draft, cancellationToken).ConfigureAwait(false);
                    created++;
                }
                else
                {
                    Log.SeedEventSkipped(logger, item.Title, error.ToString());
                }
            }

            // A fresh shell-only bot shows reminders in the terminal; organisers can unsubscribe it.
            if (platforms.ShellEnabled)
            {
                await store.UpsertSubscriptionAsync(new Subscription(ShellAdapter.Terminal, EventKinds.All, SeedAuthor, now), cancellationToken).ConfigureAwait(false);
            }

            if (seed.Campaign?.Name is { Length: > 0 } name)
            {
                await store.SetSettingAsync(SettingKeys.CampaignName, name, cancellationToken).ConfigureAwait(false);
            }

            if (seed.Campaign?.Description is { Length: > 0 } description)
            {
                await store.SetSettingAsync(SettingKeys.CampaignDescription, description, cancellationToken).ConfigureAwait(false);
            }

            campaign.Invalidate();
            Log.Seeded(logger, created, path);
        }

        await store.SetSettingAsync(SettingKeys.SeededFrom, path, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static Result<CampaignEvent> ToEvent(SeedEvent item, string campaignZone, DateTimeOffset now)
    {
        if (!EventKinds.TryParse(item.Kind, out var kind))
        {
            return Error.BadInput($"unknown kind \"{item.Kind}\"");
        }

        if (item.Title.Length is 0 or > Limits.Title)
        {
            return Error.BadInput($"title must be 1 to {Limits.Title} characters");
        }

        var zone = item.Timezone ?? campaignZone;
        if (!WhenParser.Parse(item.When, zone, now).TryGet(out var start, out var whenError))
        {
            return whenError;
        }

        TimeSpan? duration = null;
        if (item.Duration is not null)
        {
            if (!Durations.TryParse(item.Duration, out var parsed))
            {
                return Error.BadInput($"unreadable duration \"{item.Duration}\"");
            }

            duration = parsed;
        }

        var plan = ReminderPlan.Default;
        if (item.Reminders is not null && !OptionValues.Offsets(item.Reminders).TryGet(out plan, out var planError))
        {
            return planError;
        }

        return new CampaignEvent
        {
            Kind = kind,
            Title = item.Title,
            Start = start,
            End = start + (duration ?? EventDurations.Default(kind)),
            TimeZoneId = zone,
            Location = item.Location,
            Description = item.Description,
            Hashtags = item.Hashtags.Where(tag => Hashtags.TryNormalise(tag, out _)).Select(tag => tag.TrimStart('#')).ToArray(),
            Link = item.Link,
            Reminders = plan ?? ReminderPlan.Default,
            CreatedBy = SeedAuthor,
            CreatedAt = now,
        };
    }
}
