using System.Data.Common;
using CampaignBot.Core.Scheduling;
using CampaignBot.Storage.Tables;

namespace CampaignBot.Storage;

// The delivery log: a row per (message, destination) written before the send, so nothing is ever posted twice.
public sealed class SqlDeliveryLog(DbDataSource dataSource, TimeProvider? clock = null) : IDeliveryLog
{
    private const string Sending = "sending";
    private const string Sent = "sent";
    private const string Failed = "failed";

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public Task<IReadOnlyList<DeliveryKey>> BeginAsync(IReadOnlyList<DeliveryKey> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<DeliveryKey>>([]);
        }

        var now = Columns.Milliseconds(_clock.GetUtcNow());
        return SqlSession.RunAsync(dataSource, async session =>
        {
            var open = new List<DeliveryKey>(keys.Count);
            foreach (var key in keys)
            {
                await session.ExecuteAsync(
                    """
                    INSERT INTO deliveries (message_key, platform, destination_id, state, attempts, updated_at_ms)
                    VALUES (@message_key, @platform, @destination_id, @sending, 0, @now)
                    ON CONFLICT (message_key, platform, destination_id) DO NOTHING
                    """,
                    [.. Key(key), ("@sending", Sending), ("@now", now)],
                    cancellationToken).ConfigureAwait(false);
                var state = await session.QuerySingleAsync(
                    "SELECT state FROM deliveries WHERE message_key = @message_key AND platform = @platform AND destination_id = @destination_id",
                    Key(key), reader => reader.GetString(0), cancellationToken).ConfigureAwait(false);
                if (state != Sent)
                {
                    open.Add(key);
                }
            }

            return (IReadOnlyList<DeliveryKey>)open;
        }, cancellationToken);
    }

    public Task RecordAsync(IReadOnlyList<DeliveryResult> results, CancellationToken cancellationToken)
    {
        var now = Columns.Milliseconds(_clock.GetUtcNow());
        return SqlSession.RunAsync(dataSource, async session =>
        {
            foreach (var result in results)
            {
                await session.ExecuteAsync(
                    """
                    UPDATE deliveries
                    SET state = @state, attempts = attempts + 1, platform_message_id = COALESCE(@message_id, platform_message_id),
                        last_error = @error, updated_at_ms = @now
                    WHERE message_key = @message_key AND platform = @platform AND destination_id = @destination_id AND state <> @sent
                    """,
                    [
                        .. Key(result.Key),
                        ("@state", result.Sent ? Sent : Failed),
                        ("@message_id", result.PlatformMessageId),
                        ("@error", result.Error),
                        ("@now", now),
                        ("@sent", Sent),
                    ],
                    cancellationToken).ConfigureAwait(false);
            }

            return true;
        }, cancellationToken);
    }


    private static SqlParameter[] Key(DeliveryKey key) =>
    [
        ("@message_key", key.MessageKey),
        ("@platform", Words.Of(key.Platform)),
        ("@destination_id", key.DestinationId),
    ];
}
