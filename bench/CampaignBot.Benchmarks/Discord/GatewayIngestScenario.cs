using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CampaignBot.Discord.Gateway;

namespace CampaignBot.Benchmarks.Discord;

/// <summary>
/// Dispatch frames through the bot's gateway parsing and routing (<see cref="GatewayFrame"/> +
/// <see cref="DispatchRouting"/>), in process: half INTERACTION_CREATE (copied and queued to a consumer), half other
/// GUILDS-intent events (parsed, sequence recorded, dropped).
/// </summary>
internal sealed class GatewayIngestScenario : IScenario
{
    public string Name => "gateway-ingest";

    public string Description => "gateway dispatch frames parsed and routed per second, allocation per event";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500_000;
        var frames = Frames(1024);
        var session = new GatewaySession();
        Run(frames, 50_000, session, new CountingSink());

        var sink = new CountingSink();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        Run(frames, count, session, sink);
        sink.Complete();
        await sink.Consumer.ConfigureAwait(false);
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        var perSecond = count / clock.Elapsed.TotalSeconds;
        var perEvent = (double)allocated / count;
        var averageBytes = frames.Average(f => f.Length);
        Console.WriteLine(new Table("events", "seconds", "events/s", "bytes allocated/event", "avg frame bytes", "interactions routed")
            .Row(count, clock.Elapsed.TotalSeconds, Math.Round(perSecond), Math.Round(perEvent), Math.Round(averageBytes), sink.Consumed));
        return new Dictionary<string, object>
        {
            ["events"] = count,
            ["events_per_s"] = Math.Round(perSecond),
            ["bytes_per_event"] = Math.Round(perEvent),
            ["avg_frame_bytes"] = Math.Round(averageBytes),
        };
    }

    private static void Run(byte[][] frames, int count, GatewaySession session, CountingSink sink)
    {
        for (var i = 0; i < count; i++)
        {
            using var frame = GatewayFrame.Parse(frames[i % frames.Length]);
            if (frame.Sequence is { } sequence)
            {
                session.Saw(sequence);
            }

            DispatchRouting.Forward(frame, sink, TimeProvider.System, 0);
        }
    }

    private static byte[][] Frames(int count) => [.. Enumerable.Range(0, count).Select(i => Encoding.UTF8.GetBytes((i % 2 == 0 ? Interaction(i) : GuildEvent(i)).ToJsonString()))];

    private static JsonObject Interaction(int i) => new()
    {
        ["op"] = 0,
        ["s"] = i + 1,
        ["t"] = "INTERACTION_CREATE",
        ["d"] = new JsonObject
        {
            ["id"] = $"{1300000000000000000 + i}",
            ["application_id"] = "1100000000000000001",
            ["type"] = 2,
            ["token"] = $"A_UNIQUE_INTERACTION_TOKEN_{i}",
            ["version"] = 1,
            ["guild_id"] = "1200000000000000001",
            ["channel_id"] = "1400000000000000001",
            ["member"] = new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = "1500000000000000001", ["username"] = "organiser", ["global_name"] = "Organiser" },
                ["roles"] = new JsonArray("1600000000000000001"),
                ["permissions"] = "2147483647",
                ["joined_at"] = "2024-03-13T19:19:14.040000+00:00",
            },
            ["app_permissions"] = "442368",
            ["locale"] = "en-GB",
            ["data"] = new JsonObject
            {
                ["id"] = "1700000000000000001",
                ["name"] = "rsvp",
                ["type"] = 1,
                ["options"] = new JsonArray(
                    new JsonObject { ["name"] = "event", ["type"] = 3, ["value"] = "Save our NHS" },
                    new JsonObject { ["name"] = "answer", ["type"] = 3, ["value"] = "going" }),
            },
        },
    };

    private static JsonObject GuildEvent(int i) => new()
    {
        ["op"] = 0,
        ["s"] = i + 1,
        ["t"] = i % 4 == 1 ? "CHANNEL_UPDATE" : "GUILD_ROLE_UPDATE",
        ["d"] = new JsonObject
        {
            ["guild_id"] = "1200000000000000001",
            ["id"] = $"{1400000000000000000 + i}",
            ["name"] = $"channel-{i}",
            ["type"] = 0,
            ["position"] = i % 50,
            ["permission_overwrites"] = new JsonArray(),
        },
    };
}
