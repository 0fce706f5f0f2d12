using CampaignBot.Commands;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Invocation;
using CampaignBot.Core.Options;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Scheduling;
using CampaignBot.Storage;
using CampaignBot.Storage.Migrations;
using CampaignBot.Testing.Databases;
using CampaignBot.Testing.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CampaignBot.Scheduling.Tests;

/// <summary>
/// The real Quartz scheduler on a SQLite store, in a host, on the real clock: reminders arm, fire at their seconds,
/// and survive a stop and start. Waits are on deliveries (with a timeout), never fixed sleeps before asserting.
/// </summary>
public sealed class HostedSchedulerTests : IAsyncDisposable
{
    private static readonly CommandContext Organiser = new(new Person(Platform.Shell, "me", "me"), new Destination(Platform.Shell, "terminal", "terminal"), IsOrganiser: true);

    private readonly SqliteTestDatabase _database = new();
    private readonly RecordingSender _sender = new(Platform.Shell);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reminders_fire_through_quartz_at_their_due_seconds()
    {
        using var host = await StartAsync();
        await RunAsync(host, "subscribe");
        await RunAsync(host, "event create kind:rally title:Quick when:\"in 3s\" reminders:\"2s,0\"");
        var start = await StartOfAsync(host, 1);

        await WaitForSendsAsync(2, TimeSpan.FromSeconds(20));

        var timeline = _sender.Timeline.ToArray();
        Assert.Equal(["Reminder: Quick starts in 2s", "Reminder: Quick starts now"], timeline.Select(t => t.Message.Content.Title));
        Assert.InRange(timeline[0].At, start.AddSeconds(-2), start.AddSeconds(-1));
        Assert.InRange(timeline[1].At, start, start.AddSeconds(1));
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task Stopped_before_the_due_time_and_started_after_it_sends_once_marked_late()
    {
        DateTimeOffset start;
        using (var first = await StartAsync())
        {
            await RunAsync(first, "subscribe");
            await RunAsync(first, "event create kind:march title:Late when:\"in 6s\" reminders:3s");
            start = await StartOfAsync(first, 1);
            await first.StopAsync(Ct);
        }

        await Task.Delay(start.AddSeconds(-1.5) - DateTimeOffset.UtcNow, Ct);
        using var second = await StartAsync();
        await WaitForSendsAsync(1, TimeSpan.FromSeconds(15));
        var queue = second.Services.GetRequiredService<IReminderQueue>();
        await WaitForAsync(async () => (await queue.StatsAsync(Ct))[ReminderState.Late] > 0, TimeSpan.FromSeconds(10));
        var stats = await queue.StatsAsync(Ct);
        await second.StopAsync(Ct);

        var late = Assert.Single(_sender.Sent);
        Assert.Contains("Sent late", late.Content.ToPlainText(TimeProvider.System), StringComparison.Ordinal);
        Assert.Equal(1, stats[ReminderState.Late]);
    }

    [Fact]
    public async Task Started_after_the_event_began_records_the_reminder_missed_and_sends_nothing()
    {
        DateTimeOffset start;
        using (var first = await StartAsync())
        {
            await RunAsync(first, "subscribe");
            await RunAsync(first, "event create kind:march title:Missed when:\"in 3s\" reminders:1s");
            start = await StartOfAsync(first, 1);
            await first.StopAsync(Ct);
        }

        await Task.Delay(start.AddSeconds(0.5) - DateTimeOffset.UtcNow, Ct);
        using var second = await StartAsync();
        var queue = second.Services.GetRequiredService<IReminderQueue>();
        await WaitForAsync(async () => (await queue.StatsAsync(Ct))[ReminderState.Missed] > 0, TimeSpan.FromSeconds(15));

        await second.StopAsync(Ct);
        Assert.Equal(1, (await queue.StatsAsync(Ct))[ReminderState.Missed]);
        Assert.Empty(_sender.Attempts);
    }

    [Fact]
    public async Task A_reminder_claimed_by_a_killed_bot_is_sent_on_time_by_the_restarted_one_not_after_the_lease()
    {
        DateTimeOffset start;
        using (var first = await StartAsync())
        {
            await RunAsync(first, "subscribe");
            await RunAsync(first, "event create kind:march title:Held when:\"in 5s\" reminders:2s");
            start = await StartOfAsync(first, 1);
            await first.StopAsync(Ct);

            // What a SIGKILL leaves: the row claimed under this machine's stable node id, with a long lease.
            var claimed = await first.Services.GetRequiredService<IReminderQueue>()
                .ClaimAsync(Environment.MachineName, start, TimeSpan.FromMinutes(10), 10, Ct);
            Assert.Single(claimed);
        }

        using var second = await StartAsync(("Scheduling:Lease", "00:10:00"));
        await WaitForSendsAsync(1, TimeSpan.FromSeconds(15));
        await second.StopAsync(Ct);

        var (message, at) = Assert.Single(_sender.Timeline);
        Assert.InRange(at, start.AddSeconds(-2), start.AddSeconds(-1));
        Assert.DoesNotContain("Sent late", message.Content.ToPlainText(TimeProvider.System), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dead_nodes_claim_is_taken_over_once_its_short_lease_runs_out()
    {
        using var host = await StartAsync(("Scheduling:Lease", "00:00:05"));
        await RunAsync(host, "subscribe");
        await RunAsync(host, "event create kind:march title:Orphan when:\"in 30s\" reminders:29s");
        var queue = host.Services.GetRequiredService<IReminderQueue>();
        // The lease runs from the claim's own clock reading, which is no earlier than this.
        var leaseEnds = DateTimeOffset.UtcNow.AddSeconds(5);
        var claimed = await queue.ClaimAsync("a-dead-node", DateTimeOffset.UtcNow.AddMinutes(1), TimeSpan.FromSeconds(5), 10, Ct);

        await WaitForSendsAsync(1, TimeSpan.FromSeconds(20));
        await host.StopAsync(Ct);

        Assert.Single(claimed);
        Assert.InRange(Assert.Single(_sender.Timeline).At, leaseEnds, leaseEnds.AddSeconds(3));
    }

    [Fact]
    public async Task A_live_node_keeps_renewing_the_lease_of_what_it_holds()
    {
        using var host = await StartAsync(("Scheduling:Lease", "00:00:05"));
        var queue = host.Services.GetRequiredService<Scheduling.Reminders.HeldClaims>();
        var reminders = host.Services.GetRequiredService<IReminderQueue>();
        await RunAsync(host, "subscribe");
        await RunAsync(host, "event create kind:march title:Kept when:\"in 60s\" reminders:59s");
        var node = host.Services.GetRequiredService<Scheduling.Reminders.NodeIdentity>().Id;
        var claimed = await reminders.ClaimAsync(node, DateTimeOffset.UtcNow.AddMinutes(1), TimeSpan.FromSeconds(5), 10, Ct);
        queue.Add(claimed.Select(r => r.Id));

        await Task.Delay(TimeSpan.FromSeconds(7), Ct);
        var stats = await reminders.StatsAsync(Ct);
        queue.Remove(claimed.Select(r => r.Id));
        await host.StopAsync(Ct);

        Assert.Single(claimed);
        Assert.Equal(1, stats[ReminderState.Claimed]);
        Assert.True(stats.NextFire > DateTimeOffset.UtcNow.AddSeconds(-3), $"lease ran out at {stats.NextFire:O}");
        Assert.Empty(_sender.Attempts);
    }

    [Fact]
    public async Task Quartz_polls_its_store_as_often_as_Scheduling_IdleWaitTime_says()
    {
        using var host = await StartAsync(("Scheduling:IdleWaitTime", "00:00:07"));

        var quartz = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Quartz.QuartzSchedulerOptions>>().Value;
        await host.StopAsync(Ct);

        Assert.Equal(TimeSpan.FromSeconds(7), quartz.IdleWaitTime);
    }

    [Fact]
    public async Task Back_to_back_announcements_are_all_delivered_and_a_redelivered_request_only_once()
    {
        using var host = await StartAsync();
        await RunAsync(host, "subscribe");
        var router = host.Services.GetRequiredService<ICommandRouter>();

        var replies = await Task.WhenAll(Enumerable.Range(1, 10).Select(i =>
            router.HandleTextAsync($"announce Picket number {i}", Organiser with { RequestId = $"interaction-{i}" }, Ct)));
        var again = await router.HandleTextAsync("announce Picket number 3", Organiser with { RequestId = "interaction-3" }, Ct);
        var unnamed = await Task.WhenAll(Enumerable.Range(1, 2).Select(_ => router.HandleTextAsync("announce Same words", Organiser, Ct)));
        await host.StopAsync(Ct);

        Assert.All(replies, reply => Assert.True(reply.IsSuccess, reply.Error?.ToString()));
        Assert.True(again.IsSuccess, again.Error?.ToString());
        var announced = _sender.Sent.Select(m => m.Content.ToPlainText(TimeProvider.System)).Where(text => text.Contains("Picket number", StringComparison.Ordinal)).ToArray();
        Assert.Equal(10, announced.Length);
        Assert.Equal(10, _sender.Sent.Where(m => m.IdempotencyKey.StartsWith("announce:shell:interaction-", StringComparison.Ordinal)).Select(m => m.IdempotencyKey).Distinct().Count());
        Assert.Equal(2, _sender.Sent.Count(m => m.Content.ToPlainText(TimeProvider.System).Contains("Same words", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task<IHost> StartAsync(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:ConnectionString"] = _database.Options.ConnectionString,
            ["Scheduling:LateAfter"] = "00:00:01",
            ["Scheduling:DigestTime"] = "off",
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Services.AddCampaignStorage();
        builder.Services.Configure<CampaignOptions>(_ => { });
        builder.Services.AddCampaignCommands();
        builder.Services.AddSingleton<IChatSender>(_sender);
        builder.Services.AddCampaignScheduling(new SchedulerStore(Postgres: false, Microsoft.Data.Sqlite.SqliteFactory.Instance, _database.Options.ConnectionString));
        var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(Ct);
        await host.StartAsync(Ct);
        return host;
    }

    private static async Task RunAsync(IHost host, string line)
    {
        var result = await host.Services.GetRequiredService<ICommandRouter>().HandleTextAsync(line, Organiser, Ct);
        Assert.True(result.IsSuccess, result.Error?.ToString());
    }

    private static async Task<DateTimeOffset> StartOfAsync(IHost host, long id) =>
        (await host.Services.GetRequiredService<ICampaignStore>().GetEventAsync(id, Ct))!.Start;

    private async Task WaitForSendsAsync(int count, TimeSpan timeout)
    {
        await WaitForAsync(() => Task.FromResult(_sender.Sent.Count >= count), timeout);
        Assert.True(_sender.Sent.Count >= count, $"expected {count} sends within {timeout}, saw {_sender.Sent.Count}");
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!await condition() && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }
    }
}
