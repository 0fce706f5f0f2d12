using System.Globalization;
using System.Text.RegularExpressions;
using CampaignBot.Core.Domain;
using CampaignBot.Discord.Json;
using CampaignBot.Discord.Rendering;

namespace CampaignBot.Discord.ScheduledEvents;

/// <summary>What a mirrored action says in the Events tab, and how the bot recognises its own events.</summary>
internal static partial class ScheduledEventText
{
    private const int NameLimit = 100;
    private const int DescriptionLimit = 1000;
    private const int LocationLimit = 100;
    private const int External = 3;
    private const int GuildOnly = 2;

    public static ScheduledEventBody Body(CampaignEvent e, bool creating) => new()
    {
        Name = TextChunks.Truncate(e.Title, NameLimit),
        Description = Description(e),
        ScheduledStartTime = Iso(e.Start),
        ScheduledEndTime = Iso(EventDurations.EndOf(e)),
        PrivacyLevel = GuildOnly,
        EntityType = creating ? External : null,
        EntityMetadata = new ScheduledEventLocation(TextChunks.Truncate(Location(e), LocationLimit)),
    };

    /// <summary>The action id from the marker line the bot writes last in its events' descriptions.</summary>
    public static long? ActionId(string? description) =>
        description is not null && Marker().Match(description) is { Success: true } match
            ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;

    private static string Description(CampaignEvent e)
    {
        var marker = $"CampaignBot action #{e.Id}: press Interested, or /rsvp {e.Id} going";
        var about = string.Join('\n', new[] { e.Description, e.Link }.OfType<string>());
        var room = DescriptionLimit - marker.Length - 2;
        return about.Length == 0 ? marker : $"{TextChunks.Truncate(about, room)}\n\n{marker}";
    }

    private static string Location(CampaignEvent e) =>
        e.Location is { Length: > 0 } place ? place : e.Kind == EventKind.Online ? "Online" : "To be announced";

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"CampaignBot action #(\d{1,18}):")]
    private static partial Regex Marker();
}
