using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CampaignBot.Discord;
using CampaignBot.Discord.Gateway;
using CampaignBot.Discord.Interactions;
using CampaignBot.Testing.Discord;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignBot.Benchmarks.Discord;

/// <summary>
/// Dispatch frames through the bot's gateway parsing and routing (<see cref="GatewayFrame"/> +
/// <see cref="DispatchRouting"/>): half INTERACTION_CREATE (copied and queued to a consumer), half other
/// GUILDS-intent events (parsed, sequence recorded, dropped). Measured in process, then over the fake's WebSocket.
/// </summary>
internal sealed class GatewayIngestScenario : IScenario
{
    public string Name => "gateway-ingest";

    public string Description => "gateway dispatch frames parsed and routed per second, allocation per event";

    public async Task<IReadOnlyDictionary<string, object>> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500_000;
        var frames = Frames(1024);
        var session = new ResumeState();
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
        var (socketEvents, socketSeconds) = await OverSocketAsync(Math.Min(count, 200_000), cancellationToken).ConfigureAwait(false);
        var socketPerSecond = socketEvents / socketSeconds;
        Console.WriteLine(new Table("path", "events", "seconds", "events/s", "bytes allocated/event", "avg frame bytes")
            .Row("parse + route (in process)", count, clock.Elapsed.TotalSeconds, Math.Round(perSecond), Math.Round(perEvent), Math.Round(averageBytes))
            .Row("fake's WebSocket → read loop → route", socketEvents, socketSeconds, Math.Round(socketPerSecond), "(shared with the fake)", Math.Round(averageBytes)));
        return new Dictionary<string, object>
        {
            ["events"] = count,
            ["events_per_s"] = Math.Round(perSecond),
            ["bytes_per_event"] = Math.Round(perEvent),
            ["avg_frame_bytes"] = Math.Round(averageBytes),
            ["socket_events_per_s"] = Math.Round(socketPerSecond),
        };
    }

    // The same frames through the real gateway client: the fake sends them back to back over loopback, the client's
    // read loop parses and routes them. Both ends share the machine's cores.
    private static async Task<(int Events, double Seconds)> OverSocketAsync(int count, CancellationToken cancellationToken)
    {
        await using var server = await FakeDiscordServer.StartAsync().ConfigureAwait(false);
        var sink = new CountingSink();
        var status = new DiscordAdapterStatus(new InteractionTimings());
        var context = new ShardContext(0, 1, server.Token, new GatewayTimings(), new IdentifyGate(new GatewayTimings(), TimeProvider.System, NullLogger<IdentifyGate>.Instance), sink, status, NullLogger.Instance, TimeProvider.System);
        var client = new ShardRunner(context);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = client.RunAsync(new Uri(server.GatewayUrl), stop.Token);
        await status.WhenConnected.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        var first = client.Session.Sequence!.Value + 1;
        var frames = Enumerable.Range(0, count).Select(i => Encoding.UTF8.GetBytes((i % 2 == 0 ? Interaction((int)first + i - 1) : GuildEvent((int)first + i - 1)).ToJsonString())).ToList();
        var last = first + count - 1;

        var clock = Stopwatch.StartNew();
        await server.SendPreparedAsync(frames).ConfigureAwait(false);
        while (client.Session.Sequence < last)
        {
            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        }

        sink.Complete();
        await sink.Consumer.ConfigureAwait(false);
        clock.Stop();
        await stop.CancelAsync().ConfigureAwait(false);
        await running.ConfigureAwait(false);
        return (count, clock.Elapsed.TotalSeconds);
    }

    private static void Run(byte[][] frames, int count, ResumeState session, CountingSink sink)
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
