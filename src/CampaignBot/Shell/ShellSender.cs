using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;

namespace CampaignBot.Shell;

/// <summary>Delivers reminders and announcements for the terminal destination by printing them.</summary>
internal sealed class ShellSender(ShellConsole console, TimeProvider clock) : IChatSender
{
    // Every print succeeds the same way: one result, not one per reminder at a busy instant.
    private static readonly Result<SentMessage> Printed = Result<SentMessage>.Ok(new SentMessage(null));

    public Platform Platform => Platform.Shell;

    // Sent once it is on the terminal, not once it is queued for it: the delivery is recorded after this returns.
    public async Task<Result<SentMessage>> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        await console.WriteBlockAsync(ReplyText.Render(message.Content, clock, $"[{message.Destination}] ")).ConfigureAwait(false);
        return Printed;
    }
}
