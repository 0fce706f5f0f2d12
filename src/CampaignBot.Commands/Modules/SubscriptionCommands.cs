using CampaignBot.Commands.Routing;
using CampaignBot.Commands.Services;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;

namespace CampaignBot.Commands.Modules;

/// <summary><c>subscribe</c>, <c>unsubscribe</c> and <c>announce</c>: which channels hear from the bot.</summary>
public sealed class SubscriptionCommands(ICampaignStore store, IBroadcaster broadcaster, TimeProvider clock) : ICommandModule
{
    public void Register(CommandTable table)
    {
        table.Add("subscribe", SubscribeAsync);
        table.Add("unsubscribe", UnsubscribeAsync);
        table.Add("announce", AnnounceAsync);
    }

    private async Task<Result<Reply>> SubscribeAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Context.Channel is not { } channel)
        {
            return Error.BadInput("subscribe works in a channel, not here.", "Run it in the channel that should receive reminders.");
        }

        if (!OptionValues.Kinds(request.Args.Get("kinds")).TryGet(out var kinds, out var error))
        {
            return error;
        }

        await store.UpsertSubscriptionAsync(new Subscription(channel, kinds, request.Context.Invoker, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        var which = kinds.Count == EventKinds.All.Count ? "every kind of action" : string.Join(", ", kinds.Select(EventKinds.Name));
        return Reply.Text($"{Label(channel)} now gets reminders, cancellations and announcements for {which}.");
    }

    private async Task<Result<Reply>> UnsubscribeAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Context.Channel is not { } channel)
        {
            return Error.BadInput("unsubscribe works in a channel, not here.", "Run it in the subscribed channel.");
        }

        return await store.RemoveSubscriptionAsync(channel, cancellationToken).ConfigureAwait(false)
            ? Reply.Text($"{Label(channel)} no longer gets reminders.")
            : Error.NotFound($"{Label(channel)} isn't subscribed.", "subscribe adds it.");
    }

    private async Task<Result<Reply>> AnnounceAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var subscriptions = await store.ListSubscriptionsAsync(cancellationToken).ConfigureAwait(false);
        if (subscriptions.Count == 0)
        {
            return Error.Conflict("No channel is subscribed, so there is nobody to announce to.", "Run subscribe in a channel first.");
        }

        var text = request.Args.Required("text");
        var announcement = new ReplyBuilder("Announcement").Line(text).Build();
        // Keyed by the request: the same interaction or status handled twice announces once, two requests (however
        // close together) announce twice. A request with no id of its own is always a new one.
        var requestId = request.Context.RequestId ?? Guid.NewGuid().ToString("N");
        var key = $"announce:{PlatformNames.Of(request.Context.Platform)}:{requestId}";
        var report = await broadcaster.BroadcastAsync(announcement, kind: null, key, cancellationToken).ConfigureAwait(false);
        return Reply.Text(BroadcastSummary.Describe(report, "channel").Replace("Told", "Announced to", StringComparison.Ordinal));
    }

    // What people call the channel (#actions, Mastodon timeline), never the internal platform:id form.
    private static string Label(Destination channel) =>
        channel.Name is { Length: > 0 } name ? char.ToUpperInvariant(name[0]) + name[1..] : "This channel";
}
