using CampaignBot.Commands.Routing;
using CampaignBot.Commands.Services;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using CampaignBot.Core.Time;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Commands.Modules;

/// <summary><c>event create</c>, <c>event edit</c> and <c>event cancel</c>: the organisers' commands.</summary>
public sealed class EventCommands(
    EventWrites writes,
    EventResolver resolver,
    CampaignState campaign,
    IBroadcaster broadcaster,
    EventCards cards,
    CardRefresher refresher,
    IEnumerable<IEventMirror> mirrors,
    TimeProvider clock,
    ILogger<EventCommands> logger) : ICommandModule
{
    public void Register(CommandTable table)
    {
        table.Add("event create", CreateAsync);
        table.Add("event edit", EditAsync);
        table.Add("event cancel", CancelAsync);
    }

    private async Task<Result<Reply>> CreateAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var args = request.Args;
        var now = clock.GetUtcNow();
        var zoneResult = args.Get("timezone") is { } zoneText
            ? OptionValues.Zone(zoneText)
            : await campaign.TimeZoneAsync(cancellationToken).ConfigureAwait(false);
        if (!zoneResult.TryGet(out var zone, out var zoneError))
        {
            return zoneError;
        }

        if (!FutureStart(args.Required("when"), zone, now).TryGet(out var start, out var whenError))
        {
            return whenError;
        }

        var kind = EventKinds.Parse(args.Required("kind"));
        if (!EventEnd.Resolve(args, start, zone, EventDurations.Default(kind), now).TryGet(out var end, out var endError))
        {
            return endError;
        }

        var draft = new CampaignEvent
        {
            Kind = kind,
            Title = args.Required("title"),
            Start = start,
            End = end,
            TimeZoneId = zone,
            CreatedBy = request.Context.Invoker,
            CreatedAt = now,
        };
        if (!EventFields.Apply(draft, args, []).TryGet(out draft, out var fieldError))
        {
            return fieldError;
        }

        var created = await writes.AddAsync(draft, cancellationToken).ConfigureAwait(false);
        Log.EventChanged(logger, created.Id, "created", request.Context.Platform);
        var posted = await cards.PostAsync(created, cancellationToken).ConfigureAwait(false);
        await MirrorAsync(created, cancellationToken).ConfigureAwait(false);
        return new ReplyBuilder($"Created {EventText.Heading(created)}")
            .Line($"{EventKinds.Name(created.Kind)} · starts ", new TimeFragment(created.Start, created.TimeZoneId, Relative: true))
            .Line(EventText.EndLine(created))
            .LineIf(created.Location is not null, $"Where: {created.Location}")
            .Line($"Reminders: {EventText.Reminders(created, now)}")
            .Line($"RSVP: rsvp {created.Id} going · Change it: event edit {created.Id} when:\"…\"")
            .LineIf(posted > 0, $"Card with RSVP buttons posted to {posted} subscribed channel{(posted == 1 ? string.Empty : "s")}.")
            .Build();
    }

    private async Task<Result<Reply>> EditAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var args = request.Args;
        if (!args.Names.Any(name => name != "event"))
        {
            return Error.BadInput("Nothing to change.", $"Give at least one of: {string.Join(", ", request.Spec.Options.Skip(1).Select(o => o.Name))}.");
        }

        if (!(await resolver.ResolveAsync(args.Required("event"), cancellationToken).ConfigureAwait(false)).TryGet(out var original, out var error))
        {
            return error;
        }

        if (original.IsCancelled)
        {
            return Error.Conflict($"{EventText.Heading(original)} is cancelled, so it can't be edited.", "Create a new event instead.");
        }

        var now = clock.GetUtcNow();
        var changed = new List<string>();
        var updated = original;
        if (args.Get("timezone") is { } zoneText)
        {
            if (!OptionValues.Zone(zoneText).TryGet(out var zone, out var zoneError))
            {
                return zoneError;
            }

            updated = updated with { TimeZoneId = zone };
            changed.Add("timezone");
        }

        if (args.Get("when") is { } when)
        {
            if (!FutureStart(when, updated.TimeZoneId, now).TryGet(out var start, out var whenError))
            {
                return whenError;
            }

            updated = updated with { Start = start };
            changed.Add("when");
        }

        if (args.Has("duration") || args.Has("ends") || updated.Start != original.Start)
        {
            var keep = EventDurations.EndOf(original) - original.Start;
            if (!EventEnd.Resolve(args, updated.Start, updated.TimeZoneId, keep, now).TryGet(out var end, out var endError))
            {
                return endError;
            }

            updated = updated with { End = end };
            if (args.Has("ends") || args.Has("duration"))
            {
                changed.Add(args.Has("ends") ? "ends" : "duration");
            }
        }

        if (!EventFields.Apply(updated, args, changed).TryGet(out updated, out var fieldError))
        {
            return fieldError;
        }

        if (updated == original)
        {
            return Reply.Text($"{EventText.Heading(original)} already has those values; nothing changed.", isPrivate: true);
        }

        await writes.UpdateAsync(updated, cancellationToken).ConfigureAwait(false);
        Log.EventChanged(logger, updated.Id, "edited", request.Context.Platform);
        await refresher.RefreshNowAsync(updated.Id, cancellationToken).ConfigureAwait(false);
        await MirrorAsync(updated, cancellationToken).ConfigureAwait(false);
        return new ReplyBuilder($"Updated {EventText.Heading(updated)}")
            .Line($"Changed: {string.Join(", ", changed.Distinct())}")
            .Line($"{EventKinds.Name(updated.Kind)} · starts ", new TimeFragment(updated.Start, updated.TimeZoneId, Relative: true))
            .Line(EventText.EndLine(updated))
            .LineIf(updated.Location is not null, $"Where: {updated.Location}")
            .Line($"Reminders: {EventText.Reminders(updated, now)}")
            .Build();
    }

    private async Task<Result<Reply>> CancelAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!(await resolver.ResolveAsync(request.Args.Required("event"), cancellationToken).ConfigureAwait(false)).TryGet(out var e, out var error))
        {
            return error;
        }

        if (e.IsCancelled)
        {
            return Error.Conflict($"{EventText.Heading(e)} is already cancelled.");
        }

        if (e.Start <= clock.GetUtcNow())
        {
            return Error.Conflict($"{EventText.Heading(e)} has already started, so there is nothing to cancel.");
        }

        var reason = request.Args.Get("reason");
        var cancelled = e with { Status = EventStatus.Cancelled, CancelReason = reason };
        await writes.UpdateAsync(cancelled, cancellationToken).ConfigureAwait(false);
        Log.EventChanged(logger, e.Id, "cancelled", request.Context.Platform);
        await refresher.RefreshNowAsync(e.Id, cancellationToken).ConfigureAwait(false);
        await MirrorAsync(cancelled, cancellationToken).ConfigureAwait(false);

        var notice = new ReplyBuilder($"Cancelled: {e.Title}")
            .Line($"The {EventKinds.Name(e.Kind)} planned for ", new TimeFragment(e.Start, e.TimeZoneId), " is off.")
            .LineIf(reason is not null, $"Reason: {reason}")
            .Build();
        var report = await broadcaster.BroadcastAsync(notice, e.Kind, $"event:{e.Id}:cancelled", cancellationToken).ConfigureAwait(false);
        return new ReplyBuilder($"Cancelled {EventText.Heading(e)}")
            .LineIf(reason is not null, $"Reason: {reason}")
            .Line(BroadcastSummary.Describe(report, "subscribed channel"))
            .Build();
    }

    private async Task MirrorAsync(CampaignEvent e, CancellationToken cancellationToken)
    {
        foreach (var mirror in mirrors)
        {
            await mirror.MirrorAsync(e, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Result<DateTimeOffset> FutureStart(string when, string zone, DateTimeOffset now)
    {
        if (!WhenParser.Parse(when, zone, now).TryGet(out var start, out var error))
        {
            return error;
        }

        return start > now
            ? start
            : Error.BadInput($"That time is in the past: {TimeText.Format(start, zone)}.", "Pick a time in the future, e.g. tomorrow 12:00 or in 2h.");
    }
}
