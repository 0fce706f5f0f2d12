using CampaignBot.Commands.Routing;
using CampaignBot.Commands.Services;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using CampaignBot.Core.Time;

namespace CampaignBot.Commands.Modules;

/// <summary><c>rsvp</c> and <c>remind</c>: what one person does about one event.</summary>
public sealed class RsvpCommands(ICampaignStore store, EventWrites writes, EventResolver resolver, CardRefresher refresher, TimeProvider clock) : ICommandModule
{
    private static readonly TimeSpan DefaultBefore = TimeSpan.FromHours(1);

    public void Register(CommandTable table)
    {
        table.Add("rsvp", RsvpAsync);
        table.Add("remind", RemindAsync);
    }

    private async Task<Result<Reply>> RsvpAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!(await OpenEventAsync(request.Args.Required("event"), "takes no RSVPs", cancellationToken).ConfigureAwait(false)).TryGet(out var e, out var error))
        {
            return error;
        }

        var answer = RsvpAnswers.Parse(request.Args.Required("answer"));
        var person = request.Context.Invoker;
        var previous = await store.GetRsvpAsync(e.Id, person, cancellationToken).ConfigureAwait(false);
        await store.SetRsvpAsync(new Rsvp(e.Id, person, answer, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        refresher.Request(e.Id);
        var counts = await store.GetRsvpCountsAsync([e.Id], cancellationToken).ConfigureAwait(false);

        var verb = answer switch
        {
            RsvpAnswer.Going => "You're going to",
            RsvpAnswer.Maybe => "You might come to",
            _ => "You're not going to",
        };
        var change = previous is null || previous.Answer == answer ? string.Empty : $" (was {RsvpAnswers.Name(previous.Answer)})";
        return new ReplyBuilder()
            .Line($"{verb} {EventText.Heading(e)}{change}, ", new TimeFragment(e.Start, e.TimeZoneId), " · change any time.")
            .Line($"Now {EventText.Counts(counts.GetValueOrDefault(e.Id, RsvpCounts.Empty))}.")
            .LineIf(answer != RsvpAnswer.NotGoing, $"Want a nudge? remind {e.Id} before:2h")
            .Build(isPrivate: true);
    }

    private async Task<Result<Reply>> RemindAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var before = DefaultBefore;
        var beforeText = request.Args.Get("before");
        if (beforeText is not null && !Durations.TryParse(beforeText, out before))
        {
            return Error.BadInput($"Couldn't read before:{beforeText}.", "Type how long before the start, e.g. 30m, 2h or 1d (0 = at the start).");
        }

        if (!(await OpenEventAsync(request.Args.Required("event"), "has no reminders to give", cancellationToken).ConfigureAwait(false)).TryGet(out var e, out var error))
        {
            return error;
        }

        var now = clock.GetUtcNow();
        var due = ReminderTimes.Due(e.Start, before, e.TimeZoneId);
        if (due <= now && beforeText is null)
        {
            // Asked without a time (the Remind me button): less than the default is left, so remind at the start.
            before = TimeSpan.Zero;
            due = e.Start;
        }

        if (due <= now)
        {
            return Error.BadInput(
                $"{Durations.Format(before)} before {EventText.Heading(e)} has already passed: it starts {TimeText.Relative(e.Start, now)}.",
                "Pick a shorter time, e.g. before:15m.");
        }

        var reminder = await writes.AddPersonalReminderAsync(new PersonalReminder(0, e.Id, request.Context.Invoker, before, due, now), cancellationToken).ConfigureAwait(false);
        var when = before == TimeSpan.Zero ? "when it starts" : $"{Durations.Format(before)} before it starts";
        return new ReplyBuilder()
            .Line($"I'll remind you {when}: ", new TimeFragment(reminder.Due, e.TimeZoneId, Relative: true), ".")
            .Line($"{EventText.Heading(e)} starts ", new TimeFragment(e.Start, e.TimeZoneId), ".")
            .Build(isPrivate: true);
    }

    private async Task<Result<CampaignEvent>> OpenEventAsync(string reference, string refusal, CancellationToken cancellationToken)
    {
        if (!(await resolver.ResolveAsync(reference, cancellationToken).ConfigureAwait(false)).TryGet(out var e, out var error))
        {
            return error;
        }

        if (e.IsCancelled)
        {
            return Error.Conflict($"{EventText.Heading(e)} is cancelled, so it {refusal}.", "Type event list for what's still on.");
        }

        return e.Start <= clock.GetUtcNow()
            ? Error.Conflict($"{EventText.Heading(e)} has already started, so it {refusal}.", "Type event list for what's coming up.")
            : e;
    }
}
