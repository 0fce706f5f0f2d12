using CampaignBot.Core.Campaign;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Invocation;
using CampaignBot.Core.Options;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Text;
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
internal sealed class CampaignSeeder(ICampaignStore store, ICommandRouter router, CampaignState campaign, IOptions<CampaignOptions> options, PlatformSettings platforms, TimeProvider clock, ILogger<CampaignSeeder> logger) : IHostedService
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
            var created = 0;
            for (var i = 0; i < seed.Events.Count; i++)
            {
                var item = seed.Events[i];
                var result = await router.HandleAsync(ToInvocation(item, i, path), cancellationToken).ConfigureAwait(false);
                if (result.IsSuccess)
                {
                    created++;
                }
                else
                {
                    Log.SeedEventSkipped(logger, item.Title, result.Error.ToString());
                }
            }

            // A fresh shell-only bot shows reminders in the terminal; organisers can unsubscribe it.
            if (platforms.ShellEnabled)
            {
                await store.UpsertSubscriptionAsync(new Subscription(ShellAdapter.Terminal, EventKinds.All, SeedAuthor, now), cancellationToken).ConfigureAwait(false);
            }

            // The campaign's words reach the page, the calendars and every platform: cleaned as typed text is.
            if (seed.Campaign?.Name is { Length: > 0 } name && Cleaned(name, "campaign.name", multiLine: false) is { } cleanName)
            {
                await campaign.SetNameAsync(cleanName, cancellationToken).ConfigureAwait(false);
            }

            if (seed.Campaign?.Description is { Length: > 0 } description && Cleaned(description, "campaign.description", multiLine: true) is { } cleanDescription)
            {
                await campaign.SetDescriptionAsync(cleanDescription, cancellationToken).ConfigureAwait(false);
            }

            Log.Seeded(logger, created, path);
        }

        await store.SetSettingAsync(SettingKeys.SeededFrom, path, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string? Cleaned(string value, string key, bool multiLine)
    {
        if (UserText.Clean(value, key, multiLine).TryGet(out var cleaned, out var error))
        {
            return cleaned;
        }

        Log.SeedValueSkipped(logger, key, error.Message);
        return null;
    }

    // A seed event is created exactly as an organiser's `event create` would be (the same validation, defaults,
    // reminders and cards), keyed by the seed file and its place in it.
    private static CommandInvocation ToInvocation(SeedEvent item, int index, string path)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kind"] = item.Kind,
            ["title"] = item.Title,
            ["when"] = item.When,
        };
        Add(options, "duration", item.Duration);
        Add(options, "timezone", item.Timezone);
        Add(options, "location", item.Location);
        Add(options, "description", item.Description);
        Add(options, "hashtags", item.Hashtags.Count == 0 ? null : string.Join(',', item.Hashtags));
        Add(options, "link", item.Link);
        Add(options, "reminders", item.Reminders);
        return new CommandInvocation(["event", "create"], options, new CommandContext(SeedAuthor, Channel: null, IsOrganiser: true, RequestId: $"seed:{path}:{index}"));
    }

    private static void Add(Dictionary<string, string> options, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            options[name] = value;
        }
    }
}
