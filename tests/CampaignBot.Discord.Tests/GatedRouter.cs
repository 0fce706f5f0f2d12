using CampaignBot.Core.Invocation;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;

namespace CampaignBot.Discord.Tests;

/// <summary>The real router behind a gate: commands wait until the test opens it, to exercise the deferred path.</summary>
internal sealed class GatedRouter(ICommandRouter inner) : ICommandRouter
{
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<Result<Reply>> HandleAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        await Gate.Task.WaitAsync(cancellationToken);
        return await inner.HandleAsync(invocation, cancellationToken);
    }

    public Task<Result<Reply>> HandleTextAsync(string text, CommandContext context, CancellationToken cancellationToken) =>
        inner.HandleTextAsync(text, context, cancellationToken);

    public Task<IReadOnlyList<Completion>> CompleteAsync(IReadOnlyList<string> path, string option, string partial, int limit, CancellationToken cancellationToken) =>
        inner.CompleteAsync(path, option, partial, limit, cancellationToken);
}
