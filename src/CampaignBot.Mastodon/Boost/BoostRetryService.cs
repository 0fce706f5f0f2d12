using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Mastodon.Boost;

// Retries boosts that were rate-limited, failed, or left claimed by a crash: at start-up, then every RetryAfter.
// Nothing is tried before the adapter has verified the bot's account.
internal sealed class BoostRetryService(AutoBooster booster, BotIdentity identity, BoostPolicy policy, TimeProvider clock, ILogger<BoostRetryService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                BoostLog.RetryRoundFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
