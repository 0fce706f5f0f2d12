using System.Text.Json.Nodes;

namespace CampaignBot.Testing.Discord;

public sealed partial class FakeDiscordServer
{
    private int _guildCreatesSent;

    /// <summary>
    /// When set, every IDENTIFY is answered as Discord answers a sharded bot: READY listing the guilds of the shard
    /// named in <c>shard</c> (<c>(guild_id &gt;&gt; 22) % shards</c>) as unavailable, then a GUILD_CREATE for each, on
    /// that shard's own connection. Such sessions are not kept for RESUME.
    /// </summary>
    public FakeGuilds? Guilds { get; set; }

    /// <summary><c>session_start_limit.max_concurrency</c>: how many shards may IDENTIFY in each 5 s.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>Shards sent READY, by shard id, with the number of guilds each is to get.</summary>
    public EventLog<(int Shard, int Guilds)> ShardsIdentified { get; } = new();

    public int GuildCreatesSent => Volatile.Read(ref _guildCreatesSent);

    /// <summary>The settings that point a bot process at this fake (REST and gateway), commands not registered.</summary>
    public IReadOnlyList<string> BotSettings =>
    [
        $"--Discord:Token={Token}",
        $"--Discord:ApplicationId={ApplicationId}",
        $"--Discord:ApiBaseUrl={ApiBaseUrl}",
        $"--Discord:GatewayUrl={GatewayUrl}",
        "--Discord:RegisterCommands=false",
    ];

    private async Task IdentifyShardAsync(FakeGatewaySocket socket, JsonNode d, FakeGuilds guilds)
    {
        var shard = d["shard"] is JsonArray pair ? (pair[0]!.GetValue<int>(), pair[1]!.GetValue<int>()) : (0, 1);
        if (shard.Item2 < 1 || shard.Item1 < 0 || shard.Item1 >= shard.Item2)
        {
            await socket.CloseAsync(4010).ConfigureAwait(false);
            return;
        }

        var ids = guilds.On(shard.Item1, shard.Item2).ToArray();
        var seq = 0L;
        await socket.SendAsync(new JsonObject
        {
            ["op"] = 0,
            ["s"] = ++seq,
            ["t"] = "READY",
            ["d"] = new JsonObject
            {
                ["v"] = 10,
                ["user"] = new JsonObject { ["id"] = ApplicationId, ["username"] = "campaign-bot", ["discriminator"] = "0", ["bot"] = true },
                ["guilds"] = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["unavailable"] = true })]),
                ["session_id"] = Guid.NewGuid().ToString("N"),
                ["resume_gateway_url"] = ResumeUrl,
                ["shard"] = new JsonArray(shard.Item1, shard.Item2),
                ["application"] = new JsonObject { ["id"] = ApplicationId, ["flags"] = 0 },
            },
        }).ConfigureAwait(false);
        ShardsIdentified.Add((shard.Item1, ids.Length));

        // Off the receive loop, so the shard's heartbeats are still acknowledged while thousands of guilds go out.
        _ = Task.Run(async () =>
        {
            await guilds.Held.ConfigureAwait(false);
            foreach (var id in ids)
            {
                if (!socket.Open)
                {
                    return;
                }

                await socket.SendBytesAsync(guilds.Frame(id, ++seq, ApplicationId)).ConfigureAwait(false);
                Interlocked.Increment(ref _guildCreatesSent);
            }
        });
    }
}
