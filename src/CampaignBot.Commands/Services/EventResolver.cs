using System.Globalization;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using CampaignBot.Core.Time;

namespace CampaignBot.Commands.Services;

/// <summary>Finds the event a user means: its short id (<c>3</c>, <c>#3</c>) or an unambiguous start of its title.</summary>
public sealed class EventResolver(ICampaignStore store)
{
    private const int MaxCandidates = 5;

    public async Task<Result<CampaignEvent>> ResolveAsync(string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim();
        var idText = text.TrimStart('#');
        if (idText.Length is > 0 and <= 18 && idText.All(char.IsAsciiDigit))
        {
            var id = long.Parse(idText, CultureInfo.InvariantCulture);
            return await store.GetEventAsync(id, cancellationToken).ConfigureAwait(false) is { } byId
                ? byId
                : Error.NotFound($"There is no event #{id}.", "Type event list to see the ids.");
        }

        var matches = await store.FindEventsByTitlePrefixAsync(text, MaxCandidates + 1, cancellationToken).ConfigureAwait(false);
        var exact = matches.Where(e => string.Equals(e.Title, text, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (exact.Length == 1)
        {
            return exact[0];
        }

        return matches.Count switch
        {
            0 => Error.NotFound($"No event's title starts with \"{Clip(text)}\".", "Type event list to see the events and their ids."),
            1 => matches[0],
            _ => Error.NotFound(
                $"\"{Clip(text)}\" matches {(matches.Count > MaxCandidates ? $"more than {MaxCandidates}" : matches.Count.ToString(CultureInfo.InvariantCulture))} events: "
                + string.Join("; ", matches.Take(MaxCandidates).Select(e => $"#{e.Id} {e.Title} ({TimeText.Short(e.Start, e.TimeZoneId)})")) + ".",
                "Type the id instead, e.g. " + $"#{matches[0].Id}."),
        };
    }

    private static string Clip(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
