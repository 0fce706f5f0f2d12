using System.Data.Common;
using CampaignBot.Core.Mentions;
using CampaignBot.Storage.Tables;

namespace CampaignBot.Storage;

// Posts the bot set out to make, by idempotency key (migration 0007): an unfinished one is an uncertain outcome.
public sealed class SqlPostLedger(DbDataSource dataSource) : IPostLedger
{
    public async Task<PostAttempt?> BeginAsync(string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var inserted = await dataSource.ExecuteAsync(
            """
            INSERT INTO mastodon_posts (idempotency_key, state, status_id, started_at_ms, updated_at_ms)
            VALUES (@key, 'posting', NULL, @at, @at)
            ON CONFLICT (idempotency_key) DO NOTHING
            """,
            [("@key", key), ("@at", Columns.Milliseconds(at))],
            cancellationToken).ConfigureAwait(false);
        if (inserted == 1)
        {
            return null;
        }

        return await dataSource.QueryFirstOrDefaultAsync(
            "SELECT status_id, started_at_ms FROM mastodon_posts WHERE idempotency_key = @key",
            [("@key", key)],
            reader => new PostAttempt(reader.GetNullableString(0), reader.GetInstant(1)),
            cancellationToken).ConfigureAwait(false);
    }

    public Task MarkPostedAsync(string key, string statusId, DateTimeOffset at, CancellationToken cancellationToken) =>
        dataSource.ExecuteAsync(
            "UPDATE mastodon_posts SET state = 'posted', status_id = @id, updated_at_ms = @at WHERE idempotency_key = @key",
            [("@key", key), ("@id", statusId), ("@at", Columns.Milliseconds(at))],
            cancellationToken);

    public Task<int> ForgetAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        dataSource.ExecuteAsync(
            "DELETE FROM mastodon_posts WHERE started_at_ms < @before",
            [("@before", Columns.Milliseconds(before))],
            cancellationToken);
}
