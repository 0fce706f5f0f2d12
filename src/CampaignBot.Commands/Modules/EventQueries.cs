using CampaignBot.Commands.Routing;
using CampaignBot.Commands.Services;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;

namespace CampaignBot.Commands.Modules;

/// <summary><c>event list</c> and <c>event info</c>.</summary>
public sealed class EventQueries(ICampaignStore store, EventResolver resolver, CampaignState campaign, TimeProvider clock, IEventLinks links) : ICommandModule
{
    public void Register(CommandTable table)
    {
        table.Add("event list", ListAsync);
        table.Add("event info", InfoAsync);
    }

    private async Task<Result<Reply>> ListAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var args = request.Args;
        EventKind? kind = args.Get("kind") is { } kindName && EventKinds.TryParse(kindName, out var parsed) ? parsed : null;
        var includePast = args.Flag("include-past");
        var now = clock.GetUtcNow();
        var events = await store.ListEventsAsync(new EventQuery(now, kind, includePast), cancellationToken).ConfigureAwait(false);
        var what = kind is null ? "actions" : $"{EventKinds.Name(kind.Value)}s";
        if (events.Count == 0)
        {
            return Reply.Text(includePast
                ? $"No {what} yet. Organisers add one with event create."
                : $"No upcoming {what}. Organisers add one with event create; include-past:true shows earlier ones.");
        }

        var counts = await store.GetRsvpCountsAsync(events.Select(e => e.Id).ToArray(), cancellationToken).ConfigureAwait(false);
        var zone = await campaign.TimeZoneAsync(cancellationToken).ConfigureAwait(false);
        var reply = new ReplyBuilder(includePast ? $"All {what} (times in each event's zone; campaign zone {zone})" : $"Upcoming {what}");
        foreach (var e in events)
        {
            reply.Line(EventText.ListLine(e, counts.GetValueOrDefault(e.Id, RsvpCounts.Empty), now));
        }

        return reply.Line("Details: event info <id> · RSVP: rsvp <id> going").Build();
    }

    private async Task<Result<Reply>> InfoAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!(await resolver.ResolveAsync(request.Args.Required("event"), cancellationToken).ConfigureAwait(false)).TryGet(out var e, out var error))
        {
            return error;
        }

        var counts = await store.GetRsvpCountsAsync([e.Id], cancellationToken).ConfigureAwait(false);
        var card = EventText.Card(e, counts.GetValueOrDefault(e.Id, RsvpCounts.Empty), clock.GetUtcNow());
        return links.Calendar(e.Id) is { } calendar ? card with { Lines = [.. card.Lines, [$"Add to calendar: {calendar.AbsoluteUri}"]] } : card;
    }
}
