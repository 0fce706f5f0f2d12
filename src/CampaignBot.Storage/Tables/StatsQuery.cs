using System.Data.Common;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;

namespace CampaignBot.Storage.Tables;

internal sealed class StatsQuery(DbDataSource dataSource)
{
    // Upcoming and past count scheduled events only; cancelled ones are counted apart, whenever they were due.
    // Personal reminders count those still to come.
    public Task<StoreStats> GetAsync(DateTimeOffset now, CancellationToken cancellationToken) => dataSource.QuerySingleAsync(
        """
        SELECT
            (SELECT count(*) FROM events WHERE status = @scheduled AND starts_at_ms >= @now),
            (SELECT count(*) FROM events WHERE status = @scheduled AND starts_at_ms < @now),
            (SELECT count(*) FROM events WHERE status = @cancelled),
            (SELECT count(*) FROM rsvps),
            (SELECT count(*) FROM personal_reminders WHERE due_at_ms >= @now),
            (SELECT count(*) FROM subscriptions)
        """,
        [
            ("@scheduled", Words.Of(EventStatus.Scheduled)),
            ("@cancelled", Words.Of(EventStatus.Cancelled)),
            ("@now", Columns.Milliseconds(now)),
        ],
        reader => new StoreStats(reader.GetCount(0), reader.GetCount(1), reader.GetCount(2), reader.GetCount(3), reader.GetCount(4), reader.GetCount(5)),
        cancellationToken);
}
