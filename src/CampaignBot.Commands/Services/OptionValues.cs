using CampaignBot.Core.Domain;
using CampaignBot.Core.Results;
using CampaignBot.Core.Time;

namespace CampaignBot.Commands.Services;

/// <summary>Reads typed option values (offsets, hashtags, kinds, zones, links) with messages that say what to type.</summary>
public static class OptionValues
{
    public static Result<ReminderPlan> Offsets(string text)
    {
        if (string.Equals(text.Trim(), "none", StringComparison.OrdinalIgnoreCase))
        {
            return ReminderPlan.None;
        }

        var offsets = new List<TimeSpan>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Durations.TryParse(part, out var offset))
            {
                return Error.BadInput($"Couldn't read the reminder offset \"{Clip(part)}\".", "Type offsets before the start like 7d,1d,2h,30m,0 (0 = at the start), or none.");
            }

            offsets.Add(offset);
        }

        if (offsets.Count == 0)
        {
            return Error.BadInput("reminders is empty.", "Type offsets like 7d,1d,2h,0, or none.");
        }

        var plan = new ReminderPlan(offsets);
        return plan.Offsets.Count > ReminderPlan.MaxOffsets
            ? Error.BadInput($"At most {ReminderPlan.MaxOffsets} reminders per event.", "Drop a few offsets.")
            : plan;
    }

    public static Result<IReadOnlyList<string>> HashtagList(string text)
    {
        var tags = new List<string>();
        foreach (var part in text.Split([',', ' '], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Hashtags.TryNormalise(part, out var tag))
            {
                return Error.BadInput($"\"{Clip(part)}\" isn't a hashtag.", "Use letters, digits and _ only, e.g. NotSafeNotFair,LoveYourNHS.");
            }

            if (!tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(tag);
            }
        }

        return tags.Count > 10 ? Error.BadInput("At most 10 hashtags per event.") : tags;
    }

    public static Result<string> Hashtag(string text) =>
        Hashtags.TryNormalise(text, out var tag)
            ? tag
            : Error.BadInput($"\"{Clip(text)}\" isn't a hashtag.", "Use letters, digits and _ only, e.g. NotSafeNotFair.");

    public static Result<IReadOnlyList<EventKind>> Kinds(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || string.Equals(text.Trim(), "all", StringComparison.OrdinalIgnoreCase))
        {
            return Result<IReadOnlyList<EventKind>>.Ok(EventKinds.All);
        }

        var kinds = new List<EventKind>();
        foreach (var part in text.Split([',', ' '], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!EventKinds.TryParse(part, out var kind))
            {
                return Error.BadInput($"\"{Clip(part)}\" isn't a kind of action.", $"Use any of {string.Join(", ", EventKinds.Names)} (comma-separated), or all.");
            }

            if (!kinds.Contains(kind))
            {
                kinds.Add(kind);
            }
        }

        return kinds;
    }

    public static Result<string> Zone(string text) =>
        Zones.TryResolve(text, out var zone)
            ? zone.Id
            : Error.BadInput($"Unknown time zone \"{Clip(text)}\".", "Use an IANA name such as Europe/London, Europe/Dublin or America/New_York.");

    public static Result<string> Link(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.ToString()
            : Error.BadInput($"\"{Clip(text)}\" isn't a web link.", "Give a full link starting with https://.");

    private static string Clip(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
