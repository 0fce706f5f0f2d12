namespace CampaignBot.Core.Domain;

/// <summary>The words for <see cref="RsvpAnswer"/>.</summary>
public static class RsvpAnswers
{
    public static IReadOnlyList<string> Names { get; } = ["going", "maybe", "not-going"];

    public static string Name(RsvpAnswer answer) => answer switch
    {
        RsvpAnswer.Going => "going",
        RsvpAnswer.Maybe => "maybe",
        _ => "not-going",
    };

    /// <summary>For values already validated against the answer choices.</summary>
    public static RsvpAnswer Parse(string text) =>
        TryParse(text, out var answer) ? answer : throw new ArgumentException($"Not an RSVP answer: {text}", nameof(text));

    public static bool TryParse(string text, out RsvpAnswer answer)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "going" or "yes" or "y":
                answer = RsvpAnswer.Going;
                return true;
            case "maybe" or "perhaps":
                answer = RsvpAnswer.Maybe;
                return true;
            case "not-going" or "notgoing" or "not_going" or "no" or "n":
                answer = RsvpAnswer.NotGoing;
                return true;
            default:
                answer = default;
                return false;
        }
    }
}
