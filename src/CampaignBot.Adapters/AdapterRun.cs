namespace CampaignBot.Adapters;

/// <summary>
/// How an adapter's main loop ends, the same on every platform: the host stopping is no failure; a cancellation
/// because the platform rejected the bot's token stops the adapter for good and says why; anything else is a crash,
/// logged and shown in <c>status</c>. Either way the rest of the bot runs on.
/// </summary>
public static class AdapterRun
{
    public static async Task GuardAsync(
        Func<Task> run,
        Task tokenRejected,
        Action onTokenRejected,
        Action<Exception> onCrash,
        CancellationToken stoppingToken)
    {
        try
        {
            await run().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException) when (tokenRejected.IsCompleted)
        {
            onTokenRejected();
        }
        catch (Exception exception)
        {
            onCrash(exception);
        }
    }
}
