using CampaignBot.Adapters;
using CampaignBot.Core.Background;
using CampaignBot.Mastodon.Boost;
using CampaignBot.Mastodon.Mentions;
using CampaignBot.Mastodon.Rest;
using CampaignBot.Mastodon.Streaming;
using CampaignBot.Mastodon.Tagging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Mastodon;

/// <summary>
/// The Mastodon adapter: signs in (<c>verify_credentials</c>), reads the instance's limits and streaming URL, then
/// listens (stream or polling), answers mention commands and counts tagged posts. A rejected token stops only this
/// adapter, with one log line and a status reason; the rest of the bot runs on.
/// </summary>
internal sealed class MastodonAdapter(
    MastodonApi api,
    MastodonSession session,
    NotificationPump pump,
    StreamingRunner streaming,
    MentionRecorder recorder,
    BoostQueue boosts,
    BackgroundWork background,
    MastodonAdapterStatus status,
    BotIdentity identity,
    BoostWarmUp warmUp,
    IOptions<MastodonOptions> options,
    ILogger<MastodonAdapter> logger,
    TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, api.Rest.TokenRejectedToken);

        // The queues stop last, once nothing can feed them any more: what arrived is counted and decided.
        using var queues = new CancellationTokenSource();
        var recording = recorder.RunAsync(queues.Token);
        var boosting = boosts.RunAsync(queues.Token);
        await AdapterRun.GuardAsync(() => RunAsync(running.Token), api.Rest.TokenRejected, () => TokenRejected(), Crashed, stoppingToken).ConfigureAwait(false);

        // A stopped adapter (rejected token, crash) keeps its queues until the host stops, as the job may still poll.
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, clock, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await background.StopAsync().ConfigureAwait(false);
        await queues.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(recording, boosting).ConfigureAwait(false);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        status.Starting("signing in (verify_credentials)");

        // Beside the sign-in's round trips, so the first tagged post on the stream is not the one that runs its path cold.
        var warming = WarmUpAsync(cancellationToken);
        var backoff = new Backoff(settings.ReconnectDelay, settings.MaxReconnectDelay);
        MastodonAccount me;
        while (true)
        {
            var verified = await api.VerifyCredentialsAsync(cancellationToken).ConfigureAwait(false);
            if (verified.IsSuccess)
            {
                me = verified.Value;
                break;
            }

            if (TokenRejected())
            {
                // The warm-up touches only the local ledger; it ends with this run, not after it.
                await warming.ConfigureAwait(false);
                return;
            }

            var delay = backoff.Next();
            Log.StartRetry(logger, "verify_credentials", verified.Error.ToString(), delay.TotalMilliseconds);
            status.Error($"verify_credentials: {verified.Error}");
            await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
        }

        var instance = await api.GetInstanceAsync(cancellationToken).ConfigureAwait(false);
        if (!instance.IsSuccess)
        {
            Log.InstanceUnknown(logger, instance.Error.ToString());
        }

        var apiBase = api.Rest.BaseAddress;
        var streamingBase = StreamingBase(settings.StreamingUrl, instance.Value?.Configuration.Urls.Streaming, apiBase);
        session.Start(me, instance.Value, apiBase, streamingBase);
        identity.Set(me, apiBase);
        Log.SignedIn(logger, me.Acct, apiBase.Authority, session.MaxCharacters);
        status.SignedIn(me.Acct);

        await warming.ConfigureAwait(false);
        var mentions = pump.RunAsync(() => settings.PollInterval * 4, cancellationToken);
        var listening = streaming.RunAsync(streamingBase, cancellationToken);
        await Task.WhenAll(mentions, listening).ConfigureAwait(false);
    }

    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        // Off the caller's thread: the sign-in request goes out at once.
        await Task.Yield();
        try
        {
            await warmUp.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.BoostWarmUpFailed(logger, exception.Message);
        }
    }

    private static Uri StreamingBase(string? configured, string? advertised, Uri apiBase)
    {
        foreach (var candidate in new[] { configured, advertised })
        {
            if (candidate is { Length: > 0 } && Uri.TryCreate(candidate, UriKind.Absolute, out var url))
            {
                return url;
            }
        }

        return apiBase;
    }

    private void Crashed(Exception exception)
    {
        Log.AdapterCrashed(logger, exception);
        status.Stopped($"crashed: {exception.Message}");
    }

    private bool TokenRejected()
    {
        if (!api.Rest.TokenRejected.IsCompleted)
        {
            return false;
        }

        var reason = $"the instance rejected Mastodon:AccessToken (HTTP {api.Rest.RejectedStatus}); create a new token for the bot account with the read and write:statuses scopes";
        if (status.StopReason is null)
        {
            Log.AdapterStopped(logger, reason);
            status.Stopped(reason);
        }

        return true;
    }
}
