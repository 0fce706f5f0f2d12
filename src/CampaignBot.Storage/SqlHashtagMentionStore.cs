using System.Data.Common;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Scheduling;
using CampaignBot.Storage.Dialects;
using CampaignBot.Storage.Tables;

namespace CampaignBot.Storage;

// Tagged posts, once per (tag, post URI) whichever source saw them first, counted per hour. Stored in the order they
// were posted (key: tag, posted_at_ms, uri — a post's time of posting never changes), so a flood of new posts appends
// and the hourly counts read one range of the key.
public sealed class SqlHashtagMentionStore(DbDataSource dataSource) : IHashtagMentionSink, IHashtagCounts
{
    private const long HourMs = 3_600_000;

    private static readonly BulkInsert.Column[] MentionColumns =
    [
        new("tag_key", "text"), new("posted_at_ms", "bigint"), new("uri", "text"), new("platform", "text"), new("hour_ms", "bigint"),
    ];

    private readonly StorageDialect _dialect = StorageDialect.Of(dataSource);

    public async Task<int> RecordAsync(IReadOnlyList<HashtagMention> mentions, CancellationToken cancellationToken)
    {
        if (mentions.Count == 0)
        {
            return 0;
        }

        var rows = new object?[mentions.Count][];
        for (var i = 0; i < rows.Length; i++)
        {
            var mention = mentions[i];
            var posted = Columns.Milliseconds(mention.PostedAt);
            rows[i] = [Key(mention.Tag), posted, mention.Uri, Words.Of(mention.Platform), posted - (((posted % HourMs) + HourMs) % HourMs)];
        }

        return await SqlSession.RunAsync(
            dataSource,
            session => BulkInsert.RunAsync(session, _dialect, "hashtag_mentions", MentionColumns, rows, "ON CONFLICT (tag_key, posted_at_ms, uri) DO NOTHING", cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    // An hour starting in [from, to) holds posts from its start to an hour later: the key's range covers exactly those.
    public Task<IReadOnlyList<HourlyCount>> HourlyAsync(string tag, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        dataSource.QueryAsync(
            """
            SELECT hour_ms, count(*) FROM hashtag_mentions
            WHERE tag_key = @tag_key AND posted_at_ms >= @from AND posted_at_ms < @until AND hour_ms >= @from AND hour_ms < @to
            GROUP BY hour_ms ORDER BY hour_ms
            """,
            [("@tag_key", Key(tag)), ("@from", Columns.Milliseconds(from)), ("@to", Columns.Milliseconds(to)), ("@until", Columns.Milliseconds(to) + HourMs)],
            reader => new HourlyCount(reader.GetInstant(0), reader.GetCount(1)),
            cancellationToken);

    private static string Key(string tag) => tag.TrimStart('#').ToLowerInvariant();
}
