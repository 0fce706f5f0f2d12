using CampaignBot.Commands.Routing;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Results;

namespace CampaignBot.Commands.Services;

/// <summary>Applies the optional detail options shared by <c>event create</c> and <c>event edit</c>.</summary>
public static class EventFields
{
    /// <summary>Words that clear an optional field in <c>event edit</c>.</summary>
    private static readonly string[] ClearWords = ["none", "-"];

    public static Result<CampaignEvent> Apply(CampaignEvent e, CommandArgs args, List<string> changed)
    {
        if (args.Get("kind") is { } kindName && EventKinds.TryParse(kindName, out var kind) && kind != e.Kind)
        {
            e = e with { Kind = kind };
            changed.Add("kind");
        }

        if (args.Get("title") is { } title && title != e.Title)
        {
            e = e with { Title = title };
            changed.Add("title");
        }

        if (args.Get("location") is { } location)
        {
            e = e with { Location = Cleared(location) };
            changed.Add("location");
        }

        if (args.Get("description") is { } description)
        {
            e = e with { Description = Cleared(description) };
            changed.Add("description");
        }

        if (args.Get("link") is { } linkText)
        {
            string? link = null;
            if (Cleared(linkText) is not null && !OptionValues.Link(linkText).TryGet(out link, out var linkError))
            {
                return linkError;
            }

            e = e with { Link = link };
            changed.Add("link");
        }

        if (args.Get("hashtags") is { } tagText)
        {
            IReadOnlyList<string>? tags = [];
            if (Cleared(tagText) is not null && !OptionValues.HashtagList(tagText).TryGet(out tags, out var tagError))
            {
                return tagError;
            }

            e = e with { Hashtags = tags ?? [] };
            changed.Add("hashtags");
        }

        if (args.Get("reminders") is { } offsetText)
        {
            if (!OptionValues.Offsets(offsetText).TryGet(out var plan, out var planError))
            {
                return planError;
            }

            e = e with { Reminders = plan };
            changed.Add("reminders");
        }

        return e;
    }

    private static string? Cleared(string value) => ClearWords.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase) ? null : value;
}
