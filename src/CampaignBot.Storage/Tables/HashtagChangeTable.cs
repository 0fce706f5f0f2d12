using System.Data.Common;
using CampaignBot.Core.Domain;

namespace CampaignBot.Storage.Tables;

internal sealed class HashtagChangeTable(DbDataSource dataSource)
{
    // One row per tag whatever its case; an older decision arriving late does not overwrite a newer one.
    public Task RecordAsync(HashtagChange change, CancellationToken cancellationToken) => dataSource.ExecuteAsync(
        """
        INSERT INTO hashtag_changes (tag_key, tag, tracked, changed_by_platform, changed_by_id, changed_by_name, changed_at_ms)
        VALUES (@tag_key, @tag, @tracked, @changed_by_platform, @changed_by_id, @changed_by_name, @changed_at_ms)
        ON CONFLICT (tag_key) DO UPDATE
        SET tag = excluded.tag, tracked = excluded.tracked, changed_by_platform = excluded.changed_by_platform,
            changed_by_id = excluded.changed_by_id, changed_by_name = excluded.changed_by_name, changed_at_ms = excluded.changed_at_ms
        WHERE excluded.changed_at_ms >= hashtag_changes.changed_at_ms
        """,
        [
            ("@tag_key", change.Tag.ToLowerInvariant()),
            ("@tag", change.Tag),
            ("@tracked", change.Tracked),
            ("@changed_by_platform", Words.Of(change.ChangedBy.Platform)),
            ("@changed_by_id", change.ChangedBy.Id),
            ("@changed_by_name", change.ChangedBy.DisplayName),
            ("@changed_at_ms", Columns.Milliseconds(change.ChangedAt)),
        ],
        cancellationToken);

    public Task<IReadOnlyList<HashtagChange>> ListAsync(CancellationToken cancellationToken) => dataSource.QueryAsync(
        """
        SELECT tag, tracked, changed_by_platform, changed_by_id, changed_by_name, changed_at_ms
        FROM hashtag_changes
        ORDER BY changed_at_ms, tag_key
        """,
        [],
        Read,
        cancellationToken);

    private static HashtagChange Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetBoolean(1),
        new Person(Words.Platform(reader.GetString(2)), reader.GetString(3), reader.GetString(4)),
        reader.GetInstant(5));
}
