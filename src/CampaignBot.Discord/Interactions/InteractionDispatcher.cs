using CampaignBot.Core.Background;
using CampaignBot.Discord.Gateway;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Discord.Interactions;

/// <summary>
/// Takes INTERACTION_CREATE off the gateway read loop: each interaction runs on the thread pool, so a slow command
/// never delays heartbeats or other interactions. An interaction delivered again is skipped: one request, one effect.
/// </summary>
internal sealed class InteractionDispatcher(InteractionHandler handler, BackgroundWork work, TimeProvider clock, ILogger<InteractionDispatcher> logger) : IDispatchSink, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly RecentInteractions _recent = new(clock);
    private int _running;

    public int Running => Volatile.Read(ref _running);

    public bool Wants(string type) => type == "INTERACTION_CREATE";

    public void Post(GatewayDispatch dispatch)
    {
        Interlocked.Increment(ref _running);
        work.Start("Discord: an interaction", _ => RunAsync(dispatch), CancellationToken.None);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task RunAsync(GatewayDispatch dispatch)
    {
        try
        {
            if (InteractionParser.Parse(dispatch.Data, out var problem) is not { } interaction)
            {
                Log.MalformedInteraction(logger, problem ?? "unreadable");
                return;
            }

            if (!_recent.TryClaim(interaction.Id))
            {
                Log.DuplicateInteraction(logger, interaction.Id);
                return;
            }

            await handler.HandleAsync(interaction, dispatch.ReceivedAt, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
