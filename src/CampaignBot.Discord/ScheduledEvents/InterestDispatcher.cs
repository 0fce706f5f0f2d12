using System.Text.Json;
using CampaignBot.Core.Background;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Invocation;
using CampaignBot.Core.Ports;
using CampaignBot.Discord.Gateway;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Discord.ScheduledEvents;

/// <summary>
/// "Interested" on a mirrored scheduled event counts as an RSVP: adding it answers going through the <c>rsvp</c>
/// command (same rules as /rsvp) for a member with no RSVP yet; removing it withdraws only an RSVP that Interested
/// made and that nothing has changed since. A member who already answered by button or command keeps that answer.
/// </summary>
internal sealed class InterestDispatcher(
    ScheduledEventMirror mirror,
    ICommandRouter router,
    ICampaignStore store,
    IEnumerable<IRsvpCountsChanged> counts,
    BackgroundWork work,
    ILogger<InterestDispatcher> logger) : IDispatchSink
{
    public const string UserAdd = "GUILD_SCHEDULED_EVENT_USER_ADD";
    public const string UserRemove = "GUILD_SCHEDULED_EVENT_USER_REMOVE";

    public bool Wants(string type) => type is UserAdd or UserRemove;

    public void Post(GatewayDispatch dispatch) => work.Start("Discord: an Interested change", _ => RunAsync(dispatch), CancellationToken.None);

    private async Task RunAsync(GatewayDispatch dispatch)
    {
        if (Text(dispatch.Data, "guild_id") is not { } guild || Text(dispatch.Data, "guild_scheduled_event_id") is not { } scheduledId
            || Text(dispatch.Data, "user_id") is not { } userId)
        {
            Log.MalformedInterest(logger, dispatch.Type);
            return;
        }

        if (await mirror.ActionForAsync(guild, scheduledId, CancellationToken.None).ConfigureAwait(false) is not { } eventId)
        {
            return;
        }

        if (dispatch.Type == UserAdd)
        {
            await AddAsync(eventId, userId, CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            await WithdrawAsync(eventId, Member(userId), CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Withdraws the RSVP that Interested made, if nothing changed it since; the cards follow.</summary>
    public async Task WithdrawAsync(long eventId, Person member, CancellationToken cancellationToken)
    {
        if (await store.WithdrawInterestAsync(eventId, member, cancellationToken).ConfigureAwait(false))
        {
            foreach (var listener in counts)
            {
                listener.Changed(eventId);
            }
        }
    }

    public static Person Member(string userId) => new(Platform.Discord, userId, $"Discord member {userId}");

    /// <summary>Interested was added (or found so at start-up): going, unless the member already answered.</summary>
    public async Task AddAsync(long eventId, string userId, CancellationToken cancellationToken)
    {
        var person = Member(userId);
        if (await store.GetRsvpAsync(eventId, person, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        var options = new Dictionary<string, string> { ["event"] = eventId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["answer"] = "going" };
        var result = await router.HandleAsync(new CommandInvocation(["rsvp"], options, new CommandContext(person, null, false)), cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess && await store.GetRsvpAsync(eventId, person, cancellationToken).ConfigureAwait(false) is { } rsvp)
        {
            await store.AddInterestAsync(eventId, person, rsvp.AnsweredAt, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? Text(JsonElement data, string name) => DispatchFields.Text(data, name);
}
