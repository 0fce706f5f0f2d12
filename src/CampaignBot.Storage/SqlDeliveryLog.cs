using System.Data.Common;
using CampaignBot.Core.Scheduling;
using CampaignBot.Storage.Dialects;
using CampaignBot.Storage.Tables;

namespace CampaignBot.Storage;

// The delivery log: a row per (message, destination) written before the send, so nothing is ever posted twice.
public sealed class SqlDeliveryLog(DbDataSource dataSource, TimeProvider clock) : IDeliveryLog
{
    private const string Sending = "sending";
    private const string Sent = "sent";
    private const string Failed = "failed";

    private static readonly BulkInsert.Column[] BulkColumns =
    [
        new("message_key", "text"), new("platform", "text"), new("destination_id", "text"), new("state", "text"),
        new("attempts", "bigint"), new("updated_at_ms", "bigint"),
    ];

    public Task<IReadOnlyList<DeliveryKey>> BeginAsync(IReadOnlyList<DeliveryKey> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<DeliveryKey>>([]);
        }

        var now = Columns.Milliseconds(clock.GetUtcNow());
        var dialect = StorageDialect.Of(dataSource);
        return SqlSession.RunAsync(dataSource, async session =>
        {
            // Record every intent in one go; a key already present keeps its row (and, if sent, stays done).
            var rows = keys.Select(key => new object?[] { key.MessageKey, Words.Of(key.Platform), key.DestinationId, Sending, 0L, now }).ToArray();
            await BulkInsert.RunAsync(session, dialect, "deliveries", BulkColumns, rows, "ON CONFLICT (message_key, platform, destination_id) DO NOTHING", cancellationToken).ConfigureAwait(false);

            var (match, messageKeys) = dialect.In("message_key", "@message_keys", [.. keys.Select(key => key.MessageKey).Distinct()]);
            var sent = new HashSet<DeliveryKey>(await session.QueryAsync(
                $"SELECT message_key, platform, destination_id FROM deliveries WHERE state = @sent AND {match}",
                [messageKeys, ("@sent", Sent)],
                reader => new DeliveryKey(reader.GetString(0), Words.Platform(reader.GetString(1)), reader.GetString(2)),
                cancellationToken).ConfigureAwait(false));

            return (IReadOnlyList<DeliveryKey>)keys.Where(key => !sent.Contains(key)).ToArray();
        }, cancellationToken);
    }

    public Task RecordAsync(IReadOnlyList<DeliveryResult> results, CancellationToken cancellationToken)
    {
        var now = Columns.Milliseconds(clock.GetUtcNow());
        return SqlSession.RunAsync(dataSource, async session =>
        {
            await session.ExecuteEachAsync(
                """
                UPDATE deliveries
                SET state = @state, attempts = attempts + 1, platform_message_id = COALESCE(@message_id, platform_message_id),
                    last_error = @error, updated_at_ms = @now
                WHERE message_key = @message_key AND platform = @platform AND destination_id = @destination_id AND state <> @sent
                """,
                ["@message_key", "@platform", "@destination_id", "@state", "@message_id", "@error", "@now", "@sent"],
                results.Select(result => new object?[]
                {
                    result.Key.MessageKey, Words.Of(result.Key.Platform), result.Key.DestinationId, result.Sent ? Sent : Failed,
                    result.PlatformMessageId, result.Error, now, Sent,
                }),
                cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }
}
