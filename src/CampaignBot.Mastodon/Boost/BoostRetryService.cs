using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Mastodon.Boost;

// Retries boosts that were rate-limited, failed, or left claimed by a crash: at start-up, then every RetryAfter.
// Nothing is tried before the adapter has verified the bot's account. Once an hour it also forgets old skips.
internal sealed class BoostRetryService(AutoBooster booster, BotIdentity identity, BoostPolicy policy, TimeProvider clock, ILogger<BoostRetryService> logger)
    : BackgroundService
{
    private static readonly TimeSpan ForgetEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long? lastForgot = null;
        using var timer = new PeriodicTimer(TimeSpan.FromTicks(Math.Min(policy.Options.RetryAfter.Ticks, TimeSpan.FromMinutes(1).Ticks)), clock);
        do
        {
            if (identity.Current is null)
            {
                continue;
            }

            try
            {
                await booster.RetryAsync(stoppingToken).ConfigureAwait(false);
                if (lastForgot is not { } last || clock.GetElapsedTime(last) >= ForgetEvery)
                {
                    lastForgot = clock.GetTimestamp();
                    var forgotten = await booster.ForgetOldSkipsAsync(stoppingToken).ConfigureAwait(false);
                    BoostLog.ForgotSkips(logger, forgotten, AutoBooster.SkipMemory.TotalDays);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                BoostLog.RetryRoundFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
