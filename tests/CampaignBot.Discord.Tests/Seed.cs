using CampaignBot.Testing.Discord;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;

namespace CampaignBot.Discord.Tests;

internal static class Seed
{
    public static readonly Person Organiser = new(Platform.Discord, InteractionPayloads.OrganiserId, "Rosa");

    public static Task<CampaignEvent> EventAsync(ICampaignStore store, string title, TimeSpan fromNow, EventKind kind = EventKind.March, EventStatus status = EventStatus.Scheduled) =>
        store.AddEventAsync(new CampaignEvent
        {
            Kind = kind,
            Title = title,
            Start = DateTimeOffset.UtcNow.Add(fromNow),
            TimeZoneId = "Europe/London",
            Status = status,
            CreatedBy = Organiser,
            CreatedAt = DateTimeOffset.UtcNow,
        }, TestContext.Current.CancellationToken);

    public static Task SubscribeAsync(ICampaignStore store, string channelId = InteractionPayloads.ChannelId) =>
        store.UpsertSubscriptionAsync(new Subscription(new Destination(Platform.Discord, channelId, "#actions"), [.. Enum.GetValues<EventKind>()], Organiser, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
}
