using CampaignBot.Core.Domain;
using CampaignBot.Core.Results;
using CampaignBot.Discord.Interactions;
using CampaignBot.Discord.Json;

namespace CampaignBot.Discord.Rendering;

/// <summary>The button row of an event card: Going, Maybe, Can't go, Remind me and, when the action has one, its link.</summary>
internal static class CardButtons
{
    private const int ActionRow = 1;
    private const int Button = 2;
    private const int Primary = 1;
    private const int Secondary = 2;
    private const int Success = 3;
    private const int Danger = 4;
    private const int Link = 5;
    private const int UrlLimit = 512;

    public static IReadOnlyList<Component> For(ReplyActions actions)
    {
        // A closed card (cancelled or started) keeps its buttons greyed out, so it reads as over rather than broken.
        bool? disabled = actions.Closed ? true : null;
        var buttons = new List<Component>
        {
            Press(actions.EventId, RsvpAnswers.Name(RsvpAnswer.Going), "Going", Success, disabled),
            Press(actions.EventId, RsvpAnswers.Name(RsvpAnswer.Maybe), "Maybe", Secondary, disabled),
            Press(actions.EventId, RsvpAnswers.Name(RsvpAnswer.NotGoing), "Can't go", Danger, disabled),
            Press(actions.EventId, CardButtonId.Remind, "Remind me", Primary, disabled),
        };
        if (actions.Link is { Length: > 0 and <= UrlLimit } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
        {
            buttons.Add(new Component(Button) { Style = Link, Label = "Details", Url = url });
        }

        return [new Component(ActionRow) { Components = buttons }];
    }

    private static Component Press(long eventId, string verb, string label, int style, bool? disabled) =>
        new(Button) { Style = style, Label = label, CustomId = new CardButtonId(verb, eventId).ToString(), Disabled = disabled };
}
