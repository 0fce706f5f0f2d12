using CampaignBot.Core.Campaign;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Scheduling;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Digest;
using CampaignBot.Scheduling.Jobs;
using CampaignBot.Scheduling.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace CampaignBot.Scheduling;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Quartz on a persistent store (SQLite, or clustered PostgreSQL), the reminder dispatcher and its arming, logged
    /// delivery (which also takes over announcements), and the reminders status. Needs the storage services.
    /// </summary>
    public static IServiceCollection AddCampaignScheduling(this IServiceCollection services, SchedulerStore store)
    {
        services.AddOptions<SchedulingOptions>()
            .BindConfiguration(SchedulingOptions.Section)
            .Validate(o => o.MaxAttempts is >= 1 and <= 20, "Scheduling:MaxAttempts must be between 1 and 20.")
            .Validate(o => o.Lease >= TimeSpan.FromSeconds(5), "Scheduling:Lease must be at least 5 seconds.")
            .Validate(o => o.DigestOff || TimeOnly.TryParseExact(o.DigestTime, "HH:mm", out _), "Scheduling:DigestTime must be HH:mm (e.g. 18:00) or off.")
            .Validate(o => o.HashtagPollInterval >= TimeSpan.FromSeconds(10), "Scheduling:HashtagPollInterval must be at least 10 seconds.")
            .Validate(o => o.Linger >= TimeSpan.Zero && o.Linger * 2 < o.Lease, "Scheduling:Linger must be at least 0 and less than half of Scheduling:Lease.")
            .Validate(o => o.IdleWaitTime >= TimeSpan.FromSeconds(1) && o.IdleWaitTime <= TimeSpan.FromMinutes(5), "Scheduling:IdleWaitTime must be between 00:00:01 and 00:05:00.")
            .ValidateOnStart();
        // Quartz reads its idle wait from its own typed options when the scheduler is built; this feeds it the setting.
        services.AddOptions<QuartzSchedulerOptions>().Configure<IOptions<SchedulingOptions>>((quartz, scheduling) => quartz.IdleWaitTime = scheduling.Value.IdleWaitTime);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CampaignState>();
        services.AddSingleton(provider => NodeIdentity.From(provider.GetRequiredService<IOptions<SchedulingOptions>>().Value));
        services.AddSingleton<HeldClaims>();
        services.AddSingleton<DueInstants>();
        services.AddSingleton<Deliverer>();
        services.AddSingleton<ReminderDispatcher>();
        services.AddSingleton<DispatcherArming>();
        services.AddSingleton<IReminderWakeup>(provider => provider.GetRequiredService<DispatcherArming>());
        services.Replace(ServiceDescriptor.Singleton<IBroadcaster, LoggedBroadcaster>());
        services.AddSingleton<IStatusSource, ReminderStatus>();
        services.AddSingleton<IReadinessProbe, SchedulerReadiness>();
        services.AddSingleton<DigestComposer>();

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                // Every node of a cluster shares the name and has its own generated id.
                scheduler.InstanceName = "CampaignBot";
                scheduler.GenerateInstanceId = store.Postgres;
            });
            quartz.UsePersistentStore(persistent =>
            {
                persistent.UseSystemTextJsonSerializer();
                if (store.Postgres)
                {
                    persistent.UsePostgres(store.Driver, store.ConnectionString);
                    persistent.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = TimeSpan.FromSeconds(5);
                        cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(15);
                    });
                }
                else
                {
                    persistent.UseSqlite(store.Driver, store.ConnectionString);
                }

                persistent.ProvisionSchema();
            });
            quartz.AddJob<DispatchRemindersJob>(job => job.WithIdentity(DispatchRemindersJob.Key).StoreDurably().RequestRecovery());

            // A safety net under the precise one-shot triggers: nothing due can wait longer than this.
            quartz.AddTrigger(trigger => trigger
                .WithIdentity("sweep", "reminders")
                .ForJob(DispatchRemindersJob.Key)
                .StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));

            quartz.AddJob<DigestJob>(job => job.WithIdentity(DigestJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .WithIdentity("every-minute", "digest")
                .ForJob(DigestJob.Key)
                .StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));

            quartz.AddJob<HashtagPollJob>(job => job.WithIdentity(HashtagPollJob.Key).StoreDurably());
            // The first poll comes one interval after start: at start each adapter's own catch-up reads the gap, and a
            // poll beside it would only compete with the first live posts for the cores.
            quartz.AddTrigger((provider, trigger) =>
            {
                var interval = provider.GetRequiredService<IOptions<SchedulingOptions>>().Value.HashtagPollInterval;
                trigger
                    .WithIdentity("interval", "hashtags")
                    .ForJob(HashtagPollJob.Key)
                    .StartAt(provider.GetRequiredService<TimeProvider>().GetUtcNow() + interval)
                    .WithSimpleSchedule(schedule => schedule
                        .WithInterval(interval)
                        .RepeatForever()
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount));
            });
        });
        // Before Quartz: takes back this node's old claims before the first dispatch and renews leases until the last.
        services.AddHostedService<ClaimHeartbeat>();
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddHostedService<DispatcherStartup>();
        return services;
    }
}
