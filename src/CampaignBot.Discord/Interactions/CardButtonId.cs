using System.Globalization;
using CampaignBot.Core.Domain;

namespace CampaignBot.Discord.Interactions;

/// <summary>
/// The <c>custom_id</c> of an event card's buttons: <c>cb1:&lt;verb&gt;:&lt;event id&gt;</c>. The version prefix lets a
/// later format tell old cards apart and answer them plainly instead of misreading them.
/// </summary>
internal readonly record struct CardButtonId(string Verb, long EventId)
{
    public const string Version = "cb1";
    public const string Remind = "remind";

    /// <summary>The verbs a card carries: the three RSVP answers and <see cref="Remind"/>.</summary>
    public static IReadOnlyList<string> Verbs { get; } = [.. RsvpAnswers.Names, Remind];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Version}:{Verb}:{EventId}");

    public static bool TryParse(string? customId, out CardButtonId id)
    {
        id = default;
        var parts = customId?.Split(':');
        if (parts is not [Version, var verb, var number] || !Verbs.Contains(verb, StringComparer.Ordinal)
            || !long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var eventId) || eventId <= 0)
        {
            return false;
        }

        id = new CardButtonId(verb, eventId);
        return true;
    }
}
