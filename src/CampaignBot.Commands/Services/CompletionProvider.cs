using CampaignBot.Core.Campaign;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Specs;
using CampaignBot.Core.Time;

namespace CampaignBot.Commands.Services;

/// <summary>Autocomplete for events (upcoming first, by id or title), time zones and tracked hashtags.</summary>
public sealed class CompletionProvider(ICampaignStore store, CampaignState campaign, TimeProvider clock)
{
    public async Task<IReadOnlyList<Completion>> CompleteAsync(OptionSpec option, string partial, int limit, CancellationToken cancellationToken)
    {
        var text = partial.Trim();
        switch (option.Type)
        {
            case OptionType.Event:
                var upcoming = await store.ListEventsAsync(new EventQuery(clock.GetUtcNow(), Limit: 100), cancellationToken).ConfigureAwait(false);
                var needle = text.TrimStart('#');
                return upcoming
                    .Where(e => needle.Length == 0
                        || e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture).StartsWith(needle, StringComparison.Ordinal)
                        || e.Title.Contains(needle, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(e => e.Title.StartsWith(needle, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                    .Take(limit)
                    .Select(e => new Completion(Fit($"#{e.Id} {e.Title} · {TimeText.Short(e.Start, e.TimeZoneId)}"), e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                    .ToArray();
            case OptionType.TimeZone:
                return Zones.Search(text, limit).Select(zone => new Completion(zone, zone)).ToArray();
            case OptionType.Hashtag:
                var tags = await campaign.HashtagsAsync(cancellationToken).ConfigureAwait(false);
                return tags
                    .Where(tag => tag.Contains(text.TrimStart('#'), StringComparison.OrdinalIgnoreCase))
                    .Take(limit)
                    .Select(tag => new Completion($"#{tag}", tag))
                    .ToArray();
            default:
                return [];
        }
    }

    /// <summary>Discord caps choice names at 100 characters.</summary>
    private static string Fit(string name) => name.Length <= 100 ? name : string.Concat(name.AsSpan(0, 99), "…");
}
