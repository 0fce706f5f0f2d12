using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace CampaignBot.Testing.Discord;

/// <summary>
/// Guild scheduled events with Discord's rules beyond the schema: an EXTERNAL event needs a location and an end after
/// its start, starts in the future, and its status only moves SCHEDULED → ACTIVE → COMPLETED or SCHEDULED → CANCELED;
/// a finished or cancelled event can't be changed. Refuses with 50013 while <see cref="DenyScheduledEvents"/> is set.
/// </summary>
public sealed partial class FakeDiscordServer
{
    private const int External = 3;

    private readonly ConcurrentDictionary<string, JsonObject> _scheduledEvents = new();

    private readonly ConcurrentDictionary<string, SortedSet<ulong>> _interested = new();

    /// <summary>Sets who is Interested in a scheduled event, as the users listing pages them (by user id).</summary>
    public void SetInterested(string scheduledEventId, IEnumerable<string> userIds) =>
        _interested[scheduledEventId] = [.. userIds.Select(id => ulong.Parse(id, CultureInfo.InvariantCulture))];

    /// <summary>An EXTERNAL event as a member makes it in Discord's Events UI; send it as GUILD_SCHEDULED_EVENT_CREATE to tell the bot.</summary>
    public JsonObject CreateScheduledEventInUi(string name, DateTimeOffset start, DateTimeOffset end, string location, string creatorId)
    {
        var created = new JsonObject
        {
            ["id"] = NextId(),
            ["guild_id"] = GuildId,
            ["creator_id"] = creatorId,
            ["creator"] = new JsonObject { ["id"] = creatorId, ["username"] = "rosa", ["global_name"] = "Rosa" },
            ["name"] = name,
            ["description"] = null,
            ["scheduled_start_time"] = start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["scheduled_end_time"] = end.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["privacy_level"] = 2,
            ["status"] = 1,
            ["entity_type"] = External,
            ["entity_id"] = null,
            ["entity_metadata"] = new JsonObject { ["location"] = location },
        };
        _scheduledEvents[created["id"]!.GetValue<string>()] = created;
        return created;
    }

    /// <summary>Answer scheduled-event calls 403 Missing Permissions, as for a bot without Create/Manage Events.</summary>
    public bool DenyScheduledEvents { get; set; }

    /// <summary>The guilds' scheduled events as they are now, by id.</summary>
    public IReadOnlyDictionary<string, JsonObject> ScheduledEvents => _scheduledEvents;

    private (int, string?, Dictionary<string, string>) ScheduledEventCall(string key, Dictionary<string, string> parameters, JsonNode? body, Dictionary<string, string> headers)
    {
        if (DenyScheduledEvents)
        {
            return (403, """{"code":50013,"message":"Missing Permissions"}""", headers);
        }

        var guild = parameters["guild_id"];
        if (key.StartsWith("GET ", StringComparison.Ordinal))
        {
            return (200, new JsonArray([.. _scheduledEvents.Values.Where(e => e["guild_id"]!.GetValue<string>() == guild).Select(e => (JsonNode)e.DeepClone())]).ToJsonString(), headers);
        }

        if (key.StartsWith("POST ", StringComparison.Ordinal))
        {
            var created = body!.DeepClone().AsObject();
            created["id"] = NextId();
            created["guild_id"] = guild;
            created["creator_id"] = ApplicationId;
            created["status"] = 1;
            if (ScheduledEventProblem(created, creating: true) is { } problem)
            {
                return Refuse(key, problem, headers);
            }

            _scheduledEvents[created["id"]!.GetValue<string>()] = created;
            return (200, created.ToJsonString(), headers);
        }

        if (!_scheduledEvents.TryGetValue(parameters["guild_scheduled_event_id"], out var existing) || existing["guild_id"]!.GetValue<string>() != guild)
        {
            return (404, """{"code":10070,"message":"Unknown Guild Scheduled Event"}""", headers);
        }

        var from = existing["status"]!.GetValue<int>();
        var updated = existing.DeepClone().AsObject();
        foreach (var (name, value) in body!.AsObject())
        {
            updated[name] = value?.DeepClone();
        }

        var to = updated["status"]!.GetValue<int>();
        var problemText = from is 3 or 4 ? $"event {existing["id"]} is {(from == 3 ? "completed" : "canceled")} and can't be changed"
            : to != from && (from, to) is not ((1, 2) or (1, 4) or (2, 3)) ? $"status {from} → {to} is not a transition Discord allows"
            : ScheduledEventProblem(updated, creating: false);
        if (problemText is not null)
        {
            return Refuse(key, problemText, headers);
        }

        _scheduledEvents[existing["id"]!.GetValue<string>()] = updated;
        return (200, updated.ToJsonString(), headers);
    }

    // Discord's paging: at most 100 a page (default 100), users with ids after `after`, ascending.
    private (int, string?, Dictionary<string, string>) InterestedUsers(Dictionary<string, string> parameters, Dictionary<string, string> headers)
    {
        if (DenyScheduledEvents)
        {
            return (403, """{"code":50013,"message":"Missing Permissions"}""", headers);
        }

        var limit = parameters.TryGetValue("?limit", out var l) ? int.Parse(l, CultureInfo.InvariantCulture) : 100;
        if (limit is < 1 or > 100)
        {
            return Refuse("GET /guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}/users", $"limit {limit} (1 to 100)", headers);
        }

        var after = parameters.TryGetValue("?after", out var a) ? ulong.Parse(a, CultureInfo.InvariantCulture) : 0UL;
        var id = parameters["guild_scheduled_event_id"];
        var page = (_interested.GetValueOrDefault(id) ?? []).Where(user => user > after).Take(limit)
            .Select(user => (JsonNode)new JsonObject
            {
                ["guild_scheduled_event_id"] = id,
                ["user"] = new JsonObject { ["id"] = user.ToString(CultureInfo.InvariantCulture), ["username"] = $"member{user % 10000}", ["discriminator"] = "0" },
            });
        return (200, new JsonArray([.. page]).ToJsonString(), headers);
    }

    private (int, string?, Dictionary<string, string>) Refuse(string key, string problem, Dictionary<string, string> headers)
    {
        Violation($"{key}: {problem}");
        return (400, """{"code":50035,"message":"Invalid Form Body"}""", headers);
    }

    private static string? ScheduledEventProblem(JsonObject e, bool creating)
    {
        var start = Instant(e["scheduled_start_time"]);
        var end = Instant(e["scheduled_end_time"]);
        if (start is null)
        {
            return "no scheduled_start_time";
        }

        if (creating && start <= DateTimeOffset.UtcNow)
        {
            return "scheduled_start_time is in the past";
        }

        if (e["entity_type"]?.GetValue<int>() == External)
        {
            if (e["entity_metadata"]?["location"]?.GetValue<string>() is not { Length: > 0 })
            {
                return "an EXTERNAL event needs entity_metadata.location";
            }

            if (end is null || end <= start)
            {
                return "an EXTERNAL event needs a scheduled_end_time after its start";
            }
        }

        return null;
    }

    private static DateTimeOffset? Instant(JsonNode? node) =>
        node?.GetValue<string>() is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
}
