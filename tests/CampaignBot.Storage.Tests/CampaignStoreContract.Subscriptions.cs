using CampaignBot.Core.Domain;

namespace CampaignBot.Storage.Tests;

public abstract partial class CampaignStoreContract
{
    private static readonly Destination Channel = new(Platform.Discord, "900000000000000009", "#actions");

    [Fact]
    public async Task Subscription_reads_back()
    {
        var subscription = new Subscription(Channel, [EventKind.March, EventKind.Strike], Alice, Now.AddMilliseconds(9));

        await Store.UpsertSubscriptionAsync(subscription, Ct);

        AssertSameSubscriptions([subscription], await Store.ListSubscriptionsAsync(Ct));
    }

    [Fact]
    public async Task Subscription_without_a_name_or_kinds_reads_back()
    {
        var subscription = new Subscription(new Destination(Platform.Mastodon, "timeline"), [], Bob, Now);

        await Store.UpsertSubscriptionAsync(subscription, Ct);

        AssertSameSubscriptions([subscription], await Store.ListSubscriptionsAsync(Ct));
    }

    [Fact]
    public async Task Subscribing_again_replaces_the_subscription()
    {
        await Store.UpsertSubscriptionAsync(new Subscription(Channel, [EventKind.March], Alice, Now), Ct);
        var replacement = new Subscription(Channel with { Name = "#renamed" }, EventKinds.All, Bob, Now.AddDays(1));

        await Store.UpsertSubscriptionAsync(replacement, Ct);

        AssertSameSubscriptions([replacement], await Store.ListSubscriptionsAsync(Ct));
    }

    [Fact]
    public async Task Subscriptions_are_keyed_by_platform_and_destination_id()
    {
        var discord = new Subscription(new Destination(Platform.Discord, "42"), [EventKind.Rally], Alice, Now);
        var mastodon = new Subscription(new Destination(Platform.Mastodon, "42"), [EventKind.Online], Bob, Now.AddMinutes(1));

        await Store.UpsertSubscriptionAsync(discord, Ct);
        await Store.UpsertSubscriptionAsync(mastodon, Ct);

        AssertSameSubscriptions([discord, mastodon], await Store.ListSubscriptionsAsync(Ct));
    }

    [Fact]
    public async Task Removing_a_subscription_reports_whether_there_was_one()
    {
        var other = new Subscription(new Destination(Platform.Discord, "7"), [EventKind.Picket], Bob, Now);
        await Store.UpsertSubscriptionAsync(new Subscription(Channel, [EventKind.March], Alice, Now), Ct);
        await Store.UpsertSubscriptionAsync(other, Ct);

        Assert.True(await Store.RemoveSubscriptionAsync(Channel with { Name = null }, Ct));
        Assert.False(await Store.RemoveSubscriptionAsync(Channel, Ct));

        AssertSameSubscriptions([other], await Store.ListSubscriptionsAsync(Ct));
    }

    private static void AssertSameSubscriptions(IReadOnlyList<Subscription> expected, IReadOnlyList<Subscription> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (want, got) in expected.Zip(actual))
        {
            Assert.Equal(want.Kinds, got.Kinds);
            // Records compare lists by reference; the kinds were compared item by item above.
            Assert.Equal(want, got with { Kinds = want.Kinds });
        }
    }
}
