using CampaignBot.Testing.Discord;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Discord.Tests;

public sealed class GatewayTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Identifies_with_the_guilds_and_scheduled_event_intents_only_and_becomes_ready()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        var identify = await bot.Server.WaitForOpAsync(2, timeout: Wait);
        await bot.ConnectedAsync();

        Assert.Equal(1 | (1 << 16), identify.Data!["intents"]!.GetValue<int>());
        Assert.Equal(bot.Server.Token, identify.Data["token"]!.GetValue<string>());
        Assert.Equal([0, 1], identify.Data["shard"]!.AsArray().Select(n => n!.GetValue<int>()));
        Assert.NotNull(identify.Data["properties"]!["os"]);
        Assert.Equal("/gateway", identify.Path);
        var status = await bot.Status.DescribeAsync(TestContext.Current.CancellationToken);
        Assert.Contains("connected as campaign-bot", status[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shutdown_closes_the_connection_cleanly()
    {
        var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();
        var logs = bot.Logs;
        var adapter = bot.AdapterTask!;

        await bot.DisposeAsync();

        Assert.True(adapter.IsCompletedSuccessfully);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Equal(1, bot.Server.Connections.Count);
    }

    [Fact]
    public async Task Configured_gateway_url_is_used_even_when_gateway_bot_fails()
    {
        var server = await Testing.Discord.FakeDiscordServer.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            server.Inject("GET /gateway/bot", Testing.Discord.InjectedResponse.Error(502, 0, "Bad Gateway"));
        }

        await using (server)
        await using (var bot = await DiscordHarness.CreateAsync(settings => settings["Discord:GatewayUrl"] = server.GatewayUrl, server: server))
        {
            await bot.ConnectedAsync();

            Assert.Equal(3, server.RequestsTo("GET /gateway/bot").Count);
            Assert.Equal("/gateway", Assert.Single(server.Connections.Items));
        }
    }

    [Fact]
    public async Task Configured_shard_identifies_with_its_id_and_the_total()
    {
        await using var bot = await DiscordHarness.CreateAsync(settings =>
        {
            settings["Discord:ShardCount"] = "3";
            settings["Discord:ShardIds:0"] = "2";
        });

        var identify = await bot.Server.WaitForOpAsync(2, timeout: Wait);

        Assert.Equal([2, 3], identify.Data!["shard"]!.AsArray().Select(n => n!.GetValue<int>()));
    }

    [Fact]
    public async Task Reconnect_request_resumes_on_the_resume_url_with_the_last_sequence()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();
        await bot.Server.SendDispatchAsync("GUILD_CREATE", new JsonObject { ["id"] = "1200000000000000001" });
        await bot.Server.SendDispatchAsync("CHANNEL_UPDATE", new JsonObject { ["id"] = "1400000000000000001" });

        await bot.Server.SendOpAsync(7);
        var resume = await bot.Server.WaitForOpAsync(6, timeout: Wait);

        Assert.Equal("/resume", resume.Path);
        Assert.Equal(bot.Server.SessionId, resume.Data!["session_id"]!.GetValue<string>());
        Assert.Equal(3, resume.Data["seq"]!.GetValue<long>());
        Assert.Equal(bot.Server.Token, resume.Data["token"]!.GetValue<string>());
        Assert.Single(bot.Server.Gateway.Items, r => r.Op == 2);
    }

    [Fact]
    public async Task Dropped_socket_is_resumed_and_missed_events_replayed()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();

        bot.Server.DropCurrent();
        var resume = await bot.Server.WaitForOpAsync(6, timeout: Wait);
        await bot.Server.Connections.WaitForCountAsync(_ => true, 2, Wait);

        Assert.Equal(1, resume.Connection);
        Assert.Equal("/resume", resume.Path);
        Assert.Single(bot.Server.Gateway.Items, r => r.Op == 2);
    }

    [Fact]
    public async Task Interaction_sent_while_disconnected_is_replayed_on_resume_and_answered()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();
        bot.Server.RefuseResume = false;

        bot.Server.DropCurrent();
        var interaction = InteractionPayloads.Command("hashtag list");
        await bot.Server.SendDispatchAsync("INTERACTION_CREATE", interaction);
        await bot.Server.WaitForOpAsync(6, timeout: Wait);
        var callback = await bot.Server.Requests.WaitAsync(r => r.Route == DiscordHarnessExtensions.Callback && r.Parameters["interaction_id"] == InteractionPayloads.Id(interaction), Wait);

        Assert.Equal(4, callback.Body!["type"]!.GetValue<int>());
        Assert.Single(bot.Server.RequestsTo(DiscordHarnessExtensions.Callback));
    }

    [Fact]
    public async Task Zombie_connection_without_heartbeat_ack_is_dropped_and_resumed()
    {
        var server = await Testing.Discord.FakeDiscordServer.StartAsync();
        server.HeartbeatIntervalMs = 150;
        await using (server)
        await using (var bot = await DiscordHarness.CreateAsync(server: server))
        {
            await bot.ConnectedAsync();
            server.WithholdAcks = true;
            var resume = await server.WaitForOpAsync(6, timeout: Wait);
            server.WithholdAcks = false;

            Assert.Equal("/resume", resume.Path);
            var beatsBefore = server.Gateway.Items.Count(r => r.Op == 1 && r.Connection == 0);
            Assert.InRange(beatsBefore, 1, 10);
            Assert.Contains(bot.Logs.Entries, e => e.Message.Contains("zombie", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Heartbeat_request_from_the_server_is_answered_at_once()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();
        var before = bot.Server.Gateway.Items.Count(r => r.Op == 1);

        await bot.Server.SendOpAsync(1);
        var beat = await bot.Server.Gateway.WaitForCountAsync(r => r.Op == 1, before + 1, TimeSpan.FromSeconds(2));

        Assert.Equal(1, beat[^1].Data!.GetValue<long>());
    }

    [Fact]
    public async Task Invalid_session_that_cannot_resume_identifies_again_on_the_gateway_url()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();

        await bot.Server.SendOpAsync(9, false);
        var second = await bot.Server.WaitForOpAsync(2, occurrence: 2, timeout: Wait);

        Assert.Equal("/gateway", second.Path);
        Assert.DoesNotContain(bot.Server.Gateway.Items, r => r.Op == 6);
    }

    [Fact]
    public async Task Invalid_session_that_may_resume_is_resumed()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();

        await bot.Server.SendOpAsync(9, true);
        var resume = await bot.Server.WaitForOpAsync(6, timeout: Wait);

        Assert.Equal("/resume", resume.Path);
        Assert.Single(bot.Server.Gateway.Items, r => r.Op == 2);
    }

    [Fact]
    public async Task Refused_resume_falls_back_to_a_new_session()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();
        bot.Server.RefuseResume = true;

        await bot.Server.CloseCurrentAsync(4000);
        await bot.Server.WaitForOpAsync(6, timeout: Wait);
        var identify = await bot.Server.WaitForOpAsync(2, occurrence: 2, timeout: Wait);

        Assert.Equal("/gateway", identify.Path);
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public async Task Fatal_close_code_stops_the_adapter_once_with_a_reason(int code)
    {
        var server = await Testing.Discord.FakeDiscordServer.StartAsync();
        server.IdentifyCloseCode = code;
        await using (server)
        await using (var bot = await DiscordHarness.CreateAsync(server: server))
        {
            var reason = await bot.Status.WhenStopped.WaitAsync(Wait, TestContext.Current.CancellationToken);
            await bot.AdapterTask!.WaitAsync(Wait, TestContext.Current.CancellationToken);

            Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), reason, StringComparison.Ordinal);
            Assert.Equal(1, server.Connections.Count);
            var critical = Assert.Single(bot.Logs.Entries, e => e.Level == LogLevel.Critical);
            Assert.Contains($"{code}", critical.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(server.Token, string.Join('\n', bot.Logs.Entries.Select(e => e.Message)), StringComparison.Ordinal);
            var status = await bot.Status.DescribeAsync(TestContext.Current.CancellationToken);
            Assert.StartsWith("stopped:", status[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Server_that_disconnects_at_once_is_retried_with_growing_backoff_not_a_spin()
    {
        var server = await Testing.Discord.FakeDiscordServer.StartAsync();
        server.ReconnectRightAfterHello = true;
        await using (server)
        await using (var bot = await DiscordHarness.CreateAsync(server: server))
        {
            var times = await server.ConnectionTimes.WaitForCountAsync(_ => true, 5, Wait);

            // Backoff from 20 ms doubling, each at least half its ceiling: 10 + 20 + 40 + 80 ms between five connections.
            Assert.True(TimeProvider.System.GetElapsedTime(times[0], times[4]) >= TimeSpan.FromMilliseconds(140));
        }
    }

    [Fact]
    public async Task Non_fatal_close_code_is_resumed()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();

        await bot.Server.CloseCurrentAsync(4000);
        var resume = await bot.Server.WaitForOpAsync(6, timeout: Wait);

        Assert.Equal("/resume", resume.Path);
        Assert.Null(bot.Status.StopReason);
    }

    [Fact]
    public async Task Rejected_token_stops_the_adapter_before_connecting()
    {
        await using var bot = await DiscordHarness.CreateAsync(settings => settings["Discord:Token"] = "not-the-right-token");

        var reason = await bot.Status.WhenStopped.WaitAsync(Wait, TestContext.Current.CancellationToken);
        await bot.AdapterTask!.WaitAsync(Wait, TestContext.Current.CancellationToken);

        Assert.Contains("Discord:Token", reason, StringComparison.Ordinal);
        Assert.Equal(0, bot.Server.Connections.Count);
        // Command registration runs beside the gateway's connection, so it may have asked too: each asked once, both
        // refused, nothing retried.
        var requests = bot.Server.Requests.Items;
        Assert.Contains(requests, r => r.Route == "GET /gateway/bot");
        Assert.All(requests, r => Assert.Equal(401, r.Status));
        Assert.Equal(requests.Count, requests.Select(r => r.Route).Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain("not-the-right-token", string.Join('\n', bot.Logs.Entries.Select(e => e.Message)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_payloads_are_logged_and_skipped()
    {
        await using var bot = await DiscordHarness.CreateAsync();
        await bot.ConnectedAsync();

        await bot.Server.SendRawAsync("{not json");
        await bot.Server.SendRawAsync("""{"op":0,"s":7,"t":"READY","d":5}""");
        await bot.Server.SendRawAsync("""{"op":"ten"}""");
        await bot.Server.SendDispatchAsync("INTERACTION_CREATE", new JsonObject { ["id"] = 5 });
        var before = bot.Server.Gateway.Items.Count(r => r.Op == 1);
        await bot.Server.SendOpAsync(1);
        await bot.Server.Gateway.WaitForCountAsync(r => r.Op == 1, before + 1, Wait);

        Assert.Equal(1, bot.Server.Connections.Count);
        Assert.True(bot.Logs.Entries.Count(e => e.Message.Contains("malformed", StringComparison.OrdinalIgnoreCase)) >= 3);
    }
}
