using System.Data.Common;
using CampaignBot.Core.Domain;

namespace CampaignBot.Storage.Tables;

internal sealed class SubscriptionTable(DbDataSource dataSource)
{
    public Task UpsertAsync(Subscription subscription, CancellationToken cancellationToken) => dataSource.ExecuteAsync(
        """
        INSERT INTO subscriptions (platform, destination_id, destination_name, kinds,
                                   subscribed_by_platform, subscribed_by_id, subscribed_by_name, subscribed_at_ms)
        VALUES (@platform, @destination_id, @destination_name, @kinds,
                @subscribed_by_platform, @subscribed_by_id, @subscribed_by_name, @subscribed_at_ms)
        ON CONFLICT (platform, destination_id) DO UPDATE
        SET destination_name = excluded.destination_name, kinds = excluded.kinds,
            subscribed_by_platform = excluded.subscribed_by_platform, subscribed_by_id = excluded.subscribed_by_id,
            subscribed_by_name = excluded.subscribed_by_name, subscribed_at_ms = excluded.subscribed_at_ms
        """,
        [
            ("@platform", Words.Of(subscription.Destination.Platform)),
            ("@destination_id", subscription.Destination.Id),
            ("@destination_name", subscription.Destination.Name),
            ("@kinds", Lists.Kinds(subscription.Kinds)),
            ("@subscribed_by_platform", Words.Of(subscription.SubscribedBy.Platform)),
            ("@subscribed_by_id", subscription.SubscribedBy.Id),
            ("@subscribed_by_name", subscription.SubscribedBy.DisplayName),
            ("@subscribed_at_ms", Columns.Milliseconds(subscription.SubscribedAt)),
        ],
        cancellationToken);

    public async Task<bool> RemoveAsync(Destination destination, CancellationToken cancellationToken) =>
        await dataSource.ExecuteAsync(
            "DELETE FROM subscriptions WHERE platform = @platform AND destination_id = @destination_id",
            [("@platform", Words.Of(destination.Platform)), ("@destination_id", destination.Id)],
            cancellationToken).ConfigureAwait(false) > 0;

    public Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken) => dataSource.QueryAsync(
        """
        SELECT platform, destination_id, destination_name, kinds,
               subscribed_by_platform, subscribed_by_id, subscribed_by_name, subscribed_at_ms
        FROM subscriptions
        ORDER BY subscribed_at_ms, platform, destination_id
        """,
        [],
        Read,
        cancellationToken);

    private static Subscription Read(DbDataReader reader) => new(
        new Destination(Words.Platform(reader.GetString(0)), reader.GetString(1), reader.GetNullableString(2)),
        Lists.Kinds(reader.GetString(3)),
        new Person(Words.Platform(reader.GetString(4)), reader.GetString(5), reader.GetString(6)),
        reader.GetInstant(7));
}
