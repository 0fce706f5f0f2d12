using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;

namespace CampaignBot.Shell;

/// <summary>Delivers reminders and announcements for the terminal destination by printing them.</summary>
internal sealed class ShellSender(ShellConsole console, TimeProvider clock) : IChatSender
{
    // Every print succeeds the same way: one finished task, not one per reminder at a busy instant.
    private static readonly Task<Result<SentMessage>> Printed = Task.FromResult(Result<SentMessage>.Ok(new SentMessage(null)));

    public Platform Platform => Platform.Shell;

    public Task<Result<SentMessage>> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        console.WriteBlock(ReplyText.Render(message.Content, clock, $"[{message.Destination}] "));
        return Printed;
    }
}
