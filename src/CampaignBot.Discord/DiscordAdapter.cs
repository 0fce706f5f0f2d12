using CampaignBot.Adapters;
using CampaignBot.Core.Background;
using CampaignBot.Discord.Gateway;
using CampaignBot.Discord.Interactions;
using CampaignBot.Discord.Json;
using CampaignBot.Discord.Registration;
using CampaignBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Discord;

/// <summary>
/// The Discord adapter: registers commands when they changed while it asks for the gateway and runs the configured
/// shards. A fatal close code or a rejected token stops only this adapter, with one log line and a status reason;
/// the rest of the bot runs on.
/// </summary>
internal sealed class DiscordAdapter(
    DiscordApi api,
    CommandRegistrar registrar,
    DispatchSinks dispatcher,
    IdentifyGate identifyGate,
    GatewayTimings timings,
    DiscordAdapterStatus status,
    IOptions<DiscordOptions> options,
    ILoggerFactory loggers,
    BackgroundWork work,
    TimeProvider clock) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<DiscordAdapter>();

    /// <summary>Stops the gateway, then waits (a few seconds at most) for interactions still being answered.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await work.StopAsync().ConfigureAwait(false);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        AdapterRun.GuardAsync(() => RunAsync(stoppingToken), api.Rest.TokenRejected, () => TokenRejected(), Crashed, stoppingToken);

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, api.Rest.TokenRejectedToken);

        // Registration needs no gateway: it runs beside the gateway's round trips and connection, and READY is
        // reported as connected only once it has ended (see DiscordAdapterStatus.Registering).
        var registration = settings.RegisterCommands ? Task.Run(() => registrar.RegisterAsync(running.Token), CancellationToken.None) : Task.CompletedTask;
        status.Registering(registration);
        status.Starting("asking Discord for the gateway");
        ApiResult<GatewayBotInfo, DiscordApiError> gateway;
        try
        {
            gateway = await api.GetGatewayBotAsync(running.Token).ConfigureAwait(false);
        }
        catch
        {
            // Stopping while asking: the registration is stopped too and awaited, so it never outlives the adapter.
            await running.CancelAsync().ConfigureAwait(false);
            await registration.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        if (gateway.IsSuccess)
        {
            identifyGate.Configure(gateway.Value.SessionStartLimit);
            if (gateway.Value.Shards > settings.ShardCount)
            {
                Log.MoreShardsRecommended(_logger, gateway.Value.Shards, settings.ShardCount);
            }
        }
        else if (TokenRejected())
        {
            await registration.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return;
        }

        var url = settings.GatewayUrl is { Length: > 0 } configured ? configured : gateway.Value?.Url;
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var gatewayUrl))
        {
            await registration.ConfigureAwait(false);
            Stop($"no gateway URL: GET /gateway/bot failed ({gateway.Error}) and Discord:GatewayUrl is not set");
            return;
        }

        status.Starting("connecting to the gateway");
        var shards = settings.Shards.Select(shard => new ShardRunner(new ShardContext(
            shard,
            settings.ShardCount,
            settings.Token,
            timings,
            identifyGate,
            dispatcher,
            status,
            loggers.CreateLogger($"CampaignBot.Discord.Gateway.Shard{shard}"),
            clock)).RunAsync(gatewayUrl, running.Token)).ToList();

        // A registration that throws crashes the adapter once its shards have ended, as it did when it ran first; a
        // rejected token has already cancelled the shards, which end, and the loop below says why.
        try
        {
            await registration.ConfigureAwait(false);
        }
        catch
        {
            await running.CancelAsync().ConfigureAwait(false);
            await ((Task)Task.WhenAll(shards)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        while (shards.Count > 0)
        {
            var finished = await Task.WhenAny(shards).ConfigureAwait(false);
            shards.Remove(finished);
            var stop = await finished.ConfigureAwait(false);
            if (stop.Fatal)
            {
                Stop($"the gateway closed with {GatewayCloseCodes.Describe(stop.CloseCode)}");
                await running.CancelAsync().ConfigureAwait(false);
            }
        }

        TokenRejected();
    }

    private bool TokenRejected()
    {
        if (!api.Rest.TokenRejected.IsCompleted)
        {
            return false;
        }

        Stop("Discord rejected Discord:Token (HTTP 401)");
        return true;
    }

    private void Crashed(Exception exception)
    {
        Log.AdapterCrashed(_logger, exception);
        status.Stopped($"crashed: {exception.Message}");
    }

    private void Stop(string reason)
    {
        if (status.StopReason is not null)
        {
            return;
        }

        Log.AdapterStopped(_logger, reason);
        status.Stopped(reason);
    }
}
