using System.Data.Common;
using CampaignBot.Core.Mentions;
using CampaignBot.Storage.Tables;

namespace CampaignBot.Storage;

// Mastodon mention commands, one row per status (migration 0007). The claim is an insert-if-absent, so of racing
// callers (stream and poll, or two processes) exactly one runs the command.
public sealed class SqlMentionLedger(DbDataSource dataSource) : IMentionLedger
{
    public async Task<bool> TryClaimAsync(string statusKey, string statusId, string interruptedReply, DateTimeOffset at, CancellationToken cancellationToken) =>
        await dataSource.ExecuteAsync(
            """
            INSERT INTO mastodon_mentions (status_key, status_id, state, reply_json, claimed_at_ms, updated_at_ms)
            VALUES (@key, @id, 'running', @reply, @at, @at)
            ON CONFLICT (status_key) DO NOTHING
            """,
            [("@key", statusKey), ("@id", statusId), ("@reply", interruptedReply), ("@at", Columns.Milliseconds(at))],
            cancellationToken).ConfigureAwait(false) == 1;

    public Task<int> ReviveStaleAsync(DateTimeOffset claimedBefore, DateTimeOffset at, CancellationToken cancellationToken) =>
        dataSource.ExecuteAsync(
            "UPDATE mastodon_mentions SET state = 'replying', updated_at_ms = @at WHERE state = 'running' AND claimed_at_ms < @before",
            [("@before", Columns.Milliseconds(claimedBefore)), ("@at", Columns.Milliseconds(at))],
            cancellationToken);

    public Task SaveReplyAsync(string statusKey, string reply, DateTimeOffset at, CancellationToken cancellationToken) =>
        dataSource.ExecuteAsync(
            "UPDATE mastodon_mentions SET state = 'replying', reply_json = @reply, updated_at_ms = @at WHERE status_key = @key AND state = 'running'",
            [("@key", statusKey), ("@reply", reply), ("@at", Columns.Milliseconds(at))],
            cancellationToken);

    public Task MarkAnsweredAsync(string statusKey, DateTimeOffset at, CancellationToken cancellationToken) =>
        dataSource.ExecuteAsync(
            "UPDATE mastodon_mentions SET state = 'answered', reply_json = NULL, updated_at_ms = @at WHERE status_key = @key",
            [("@key", statusKey), ("@at", Columns.Milliseconds(at))],
            cancellationToken);

    public Task<IReadOnlyList<PendingMentionReply>> ListUnansweredAsync(int limit, CancellationToken cancellationToken) =>
        dataSource.QueryAsync(
            "SELECT status_key, status_id, reply_json FROM mastodon_mentions WHERE state = 'replying' ORDER BY updated_at_ms LIMIT @limit",
            [("@limit", (long)limit)],
            reader => new PendingMentionReply(reader.GetString(0), reader.GetString(1), reader.GetString(2)),
            cancellationToken);

    public Task<int> ForgetAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        dataSource.ExecuteAsync(
            "DELETE FROM mastodon_mentions WHERE claimed_at_ms < @before AND state <> 'replying'",
            [("@before", Columns.Milliseconds(before))],
            cancellationToken);
}
