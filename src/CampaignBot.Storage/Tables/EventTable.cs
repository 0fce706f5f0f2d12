using System.Data.Common;
using System.Globalization;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Storage.Dialects;

namespace CampaignBot.Storage.Tables;

internal sealed class EventTable(DbDataSource dataSource)
{
    private const string Select = """
        SELECT id, kind, title, starts_at_ms, ends_at_ms, time_zone, location, description, hashtags, link,
               status, cancel_reason, reminder_offsets, created_by_platform, created_by_id, created_by_name, created_at_ms,
               revision, updated_at_ms
        FROM events
        """;

    private const string Order = "ORDER BY starts_at_ms, id LIMIT @limit";

    public async Task<CampaignEvent> AddAsync(SqlSession session, CampaignEvent draft, CancellationToken cancellationToken)
    {
        var id = await session.QuerySingleAsync(
            """
            INSERT INTO events (kind, title, title_key, starts_at_ms, ends_at_ms, time_zone, location, description, hashtags, link,
                                status, cancel_reason, reminder_offsets, created_by_platform, created_by_id, created_by_name, created_at_ms)
            VALUES (@kind, @title, @title_key, @starts_at_ms, @ends_at_ms, @time_zone, @location, @description, @hashtags, @link,
                    @status, @cancel_reason, @reminder_offsets, @created_by_platform, @created_by_id, @created_by_name, @created_at_ms)
            RETURNING id
            """,
            Fields(draft), reader => reader.GetInt64(0), cancellationToken).ConfigureAwait(false);
        return draft with { Id = id };
    }

    private static readonly BulkInsert.Column[] BulkColumns =
    [
        new("id", "bigint"), new("kind", "text"), new("title", "text"), new("title_key", "text"), new("starts_at_ms", "bigint"),
        new("ends_at_ms", "bigint"), new("time_zone", "text"), new("location", "text"), new("description", "text"), new("hashtags", "text"),
        new("link", "text"), new("status", "text"), new("cancel_reason", "text"), new("reminder_offsets", "text"),
        new("created_by_platform", "text"), new("created_by_id", "text"), new("created_by_name", "text"), new("created_at_ms", "bigint"),
    ];

    // Many events at once: their ids reserved up front (so that their reminder rows can be planned meanwhile), then
    // one bulk insert.
    public async Task<CampaignEvent[]> ReserveIdsAsync(SqlSession session, StorageDialect dialect, IReadOnlyList<CampaignEvent> drafts, CancellationToken cancellationToken)
    {
        var ids = await session.QueryAsync(dialect.AllocateEventIdsSql, [("@n", drafts.Count)], reader => reader.GetInt64(0), cancellationToken).ConfigureAwait(false);
        return drafts.Zip(ids, (draft, id) => draft with { Id = id }).ToArray();
    }

    public Task InsertManyAsync(SqlSession session, StorageDialect dialect, CampaignEvent[] reserved, CancellationToken cancellationToken)
    {
        // Events created together mostly share one plan: its text is made once, not once per event.
        ReminderPlan? plan = null;
        var offsets = "";
        var rows = Array.ConvertAll(reserved, e => Row(e, ReferenceEquals(e.Reminders, plan) ? offsets : offsets = Lists.Offsets(plan = e.Reminders)));
        return BulkInsert.RunAsync(session, dialect, "events", BulkColumns, rows, string.Empty, cancellationToken);
    }

    public Task<CampaignEvent?> GetAsync(long id, CancellationToken cancellationToken) =>
        dataSource.QueryFirstOrDefaultAsync($"{Select} WHERE id = @id", [("@id", id)], Read, cancellationToken);

    public async Task<IReadOnlyList<CampaignEvent>> GetManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var events = new List<CampaignEvent>(ids.Count);
        foreach (var batch in ids.Distinct().Chunk(500))
        {
            var names = batch.Select((_, index) => string.Create(CultureInfo.InvariantCulture, $"@i{index}")).ToArray();
            events.AddRange(await dataSource.QueryAsync(
                $"{Select} WHERE id IN ({string.Join(", ", names)})",
                names.Zip(batch, (name, id) => new SqlParameter(name, id)),
                Read,
                cancellationToken).ConfigureAwait(false));
        }

        return events;
    }

    public Task<IReadOnlyList<CampaignEvent>> FindByTitlePrefixAsync(string prefix, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return dataSource.QueryAsync(
            $"{Select} WHERE title_key LIKE @pattern ESCAPE '\\' {Order}",
            [("@pattern", EscapeLike(TitleKey(prefix)) + "%"), ("@limit", limit)],
            Read,
            cancellationToken);
    }

    public Task<IReadOnlyList<CampaignEvent>> ListAsync(EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        var conditions = new List<string>();
        var parameters = new List<SqlParameter> { ("@limit", query.Limit) };
        if (!query.IncludePast)
        {
            // Started and not yet ended counts as upcoming: `event list` shows it as happening now.
            conditions.Add("status = @scheduled AND (starts_at_ms >= @now OR ends_at_ms > @now)");
            parameters.Add(("@scheduled", Words.Of(EventStatus.Scheduled)));
            parameters.Add(("@now", Columns.Milliseconds(query.Now)));
        }

        if (query.Since is { } since)
        {
            conditions.Add("starts_at_ms >= @since");
            parameters.Add(("@since", Columns.Milliseconds(since)));
        }

        if (query.Kind is { } kind)
        {
            conditions.Add("kind = @kind");
            parameters.Add(("@kind", Words.Of(kind)));
        }

        var where = conditions.Count == 0 ? "" : $"WHERE {string.Join(" AND ", conditions)}";
        return dataSource.QueryAsync($"{Select} {where} {Order}", parameters, Read, cancellationToken);
    }

    // Every stored change raises the revision and stamps the time, whoever makes it: calendar apps follow an event by
    // its SEQUENCE and LAST-MODIFIED, so no change may slip past them.
    public async Task<bool> UpdateAsync(SqlSession session, CampaignEvent updated, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await session.ExecuteAsync(
            """
            UPDATE events
            SET kind = @kind, title = @title, title_key = @title_key, starts_at_ms = @starts_at_ms, ends_at_ms = @ends_at_ms,
                time_zone = @time_zone, location = @location, description = @description, hashtags = @hashtags, link = @link,
                status = @status, cancel_reason = @cancel_reason, reminder_offsets = @reminder_offsets,
                created_by_platform = @created_by_platform, created_by_id = @created_by_id, created_by_name = @created_by_name,
                created_at_ms = @created_at_ms, revision = revision + 1, updated_at_ms = @updated_at_ms
            WHERE id = @id
            """,
            [.. Fields(updated), ("@id", updated.Id), ("@updated_at_ms", Columns.Milliseconds(now))],
            cancellationToken).ConfigureAwait(false);
        return rows > 0;
    }

    // SQLite's lower() only folds ASCII, so the search key is folded here, the same way for both engines.
    private static string TitleKey(string title) => title.ToLowerInvariant();

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);

    private static readonly string[] FieldNames = [.. BulkColumns.Skip(1).Select(column => "@" + column.Name)];

    private static SqlParameter[] Fields(CampaignEvent e)
    {
        var row = Row(e, Lists.Offsets(e.Reminders));
        return [.. FieldNames.Select((name, i) => new SqlParameter(name, row[i + 1]))];
    }

    // The event's values in BulkColumns' order, its id first; offsets is its plan's text.
    private static object?[] Row(CampaignEvent e, string offsets) =>
    [
        e.Id,
        Words.Of(e.Kind),
        e.Title,
        TitleKey(e.Title),
        Columns.Milliseconds(e.Start),
        Columns.Milliseconds(e.End),
        e.TimeZoneId,
        e.Location,
        e.Description,
        Lists.Hashtags(e.Hashtags),
        e.Link,
        Words.Of(e.Status),
        e.CancelReason,
        offsets,
        Words.Of(e.CreatedBy.Platform),
        e.CreatedBy.Id,
        e.CreatedBy.DisplayName,
        Columns.Milliseconds(e.CreatedAt),
    ];

    private static CampaignEvent Read(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Kind = Words.Kind(reader.GetString(1)),
        Title = reader.GetString(2),
        Start = reader.GetInstant(3),
        End = reader.GetNullableInstant(4),
        TimeZoneId = reader.GetString(5),
        Location = reader.GetNullableString(6),
        Description = reader.GetNullableString(7),
        Hashtags = Lists.Hashtags(reader.GetString(8)),
        Link = reader.GetNullableString(9),
        Status = Words.Status(reader.GetString(10)),
        CancelReason = reader.GetNullableString(11),
        Reminders = Lists.Offsets(reader.GetString(12)),
        CreatedBy = new Person(Words.Platform(reader.GetString(13)), reader.GetString(14), reader.GetString(15)),
        CreatedAt = reader.GetInstant(16),
        Revision = reader.GetInt32(17),
        UpdatedAt = reader.GetNullableInstant(18),
    };
}
