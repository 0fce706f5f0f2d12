using CampaignBot.Scheduling.Jobs;
using CampaignBot.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CampaignBot.Scheduling.Tests;

/// <summary>
/// The arming behind each wake-up, on a real Quartz scheduler with an in-memory store that is never started (so
/// triggers stay where they were armed): wakes coalesce, stopping awaits the arming in flight, failures are logged.
/// </summary>
public sealed class DispatcherArmingTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Soon = DateTimeOffset.UtcNow.AddHours(1);

    private readonly RecordingLoggerProvider _logs = new();
    private readonly ServiceProvider _services;
    private readonly ISchedulerFactory _schedulers;
    private readonly DispatcherArming _arming;

    public DispatcherArmingTests()
    {
        _services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(_logs))
            .AddQuartz(quartz => quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = $"arming-{Guid.NewGuid():N}"))
            .BuildServiceProvider();
        _schedulers = _services.GetRequiredService<ISchedulerFactory>();
        _arming = new DispatcherArming(_schedulers, TimeProvider.System, _services.GetRequiredService<ILogger<DispatcherArming>>());
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_burst_of_wakes_arms_a_few_triggers_the_earliest_for_the_earliest_wake()
    {
        await AddJobAsync();

        // Each wake is earlier than the last: armed one by one, every one would need a trigger of its own.
        for (var i = 0; i < 1000; i++)
        {
            _arming.Wake(Soon.AddSeconds(-i));
        }

        await _arming.StoppingAsync(Ct);

        var fires = await TriggerTimesAsync();
        Assert.InRange(fires.Count, 1, 20);
        Assert.Equal(Soon.AddSeconds(-999) - DispatcherArming.Lead, fires.Min());
        Assert.DoesNotContain(_logs.Entries, entry => entry.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Stopping_awaits_the_arming_in_flight_and_a_wake_after_it_starts_nothing()
    {
        await AddJobAsync();
        _arming.Wake(Soon);

        await _arming.StoppingAsync(Ct);
        var armed = await TriggerTimesAsync();
        _arming.Wake(Soon.AddMinutes(-30));
        await _arming.StoppingAsync(Ct);

        Assert.Equal([Soon - DispatcherArming.Lead], armed);
        Assert.Equal(armed, await TriggerTimesAsync());
    }

    [Fact]
    public async Task An_arming_that_fails_is_logged_not_lost_in_an_unobserved_task()
    {
        // No dispatcher job in the store: Quartz refuses a trigger for it. (Not stopping: then it would be expected.)
        _arming.Wake(Soon);

        for (var waited = 0; waited < 100 && !_logs.Entries.Any(entry => entry.Level == LogLevel.Error); waited++)
        {
            await Task.Delay(50, Ct);
        }

        var failure = Assert.Single(_logs.Entries, entry => entry.Level == LogLevel.Error);
        Assert.Equal("Could not arm the reminder dispatcher", failure.Message);
        Assert.IsAssignableFrom<SchedulerException>(failure.Exception);
    }

    public async ValueTask DisposeAsync()
    {
        await (await _schedulers.GetScheduler()).Shutdown();
        _arming.Dispose();
        await _services.DisposeAsync();
    }

    private async Task AddJobAsync()
    {
        var scheduler = await _schedulers.GetScheduler(Ct);
        await scheduler.AddJob(JobBuilder.Create<DispatchRemindersJob>().WithIdentity(DispatchRemindersJob.Key).StoreDurably().Build(), AddJobOptions.Replacing, Ct);
    }

    private async Task<List<DateTimeOffset>> TriggerTimesAsync()
    {
        var scheduler = await _schedulers.GetScheduler(Ct);
        var keys = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals("reminders"), Ct);
        var times = new List<DateTimeOffset>();
        foreach (var key in keys)
        {
            times.Add((await scheduler.GetTrigger(key, Ct))!.NextFireTimeUtc!.Value);
        }

        return times;
    }
}
