using CampaignBot.Commands.Routing;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Results;
using CampaignBot.Core.Time;

namespace CampaignBot.Commands.Services;

/// <summary>
/// Works out an action's end from <c>duration</c> or <c>ends</c>. Without either, a new action gets its kind's default
/// length and an edited one keeps the length it had, so moving the start moves the end with it.
/// </summary>
public static class EventEnd
{
    public static Result<DateTimeOffset> Resolve(CommandArgs args, DateTimeOffset start, string zone, TimeSpan keep, DateTimeOffset now)
    {
        var durationText = args.Get("duration");
        var endsText = args.Get("ends");
        if (durationText is not null && endsText is not null)
        {
            return Error.BadInput("Give duration or ends, not both.", "e.g. duration:3h, or ends:\"2026-12-05 15:00\".");
        }

        if (durationText is not null)
        {
            if (!Durations.TryParse(durationText, out var duration) || duration <= TimeSpan.Zero)
            {
                return Error.BadInput($"Couldn't read duration:{Clip(durationText)}.", "Type how long it lasts, e.g. 90m, 3h or 2d.");
            }

            return Check(start, start + duration, zone);
        }

        if (endsText is not null)
        {
            // Relative forms ("in 3h", "tomorrow 17:00") read from now, as they do for `when`.
            if (!WhenParser.Parse(endsText, zone, now).TryGet(out var end, out var error))
            {
                return error;
            }

            return Check(start, end, zone);
        }

        return start + keep;
    }

    private static Result<DateTimeOffset> Check(DateTimeOffset start, DateTimeOffset end, string zone)
    {
        if (end <= start)
        {
            return Error.BadInput(
                $"The end ({TimeText.Format(end, zone)}) must be after the start ({TimeText.Format(start, zone)}).",
                "Give a later ends, or a duration such as duration:3h.");
        }

        return end - start > EventDurations.Max
            ? Error.BadInput($"An action can last at most {Durations.Format(EventDurations.Max)}.", "Split longer campaigns into several actions.")
            : end;
    }

    private static string Clip(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
}
