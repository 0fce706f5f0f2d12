using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;

namespace CampaignBot.Shell;

/// <summary>Delivers reminders and announcements for the terminal destination by printing them.</summary>
internal sealed class ShellSender(ShellConsole console, TimeProvider clock) : IChatSender
{
    public Platform Platform => Platform.Shell;

    public Task<Result<SentMessage>> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        console.WriteBlock($"[{message.Destination}] {ReplyText.Render(message.Content, clock)}");
        return Task.FromResult(Result<SentMessage>.Ok(new SentMessage(null)));
    }
}
