using CampaignBot.Core.Domain;

namespace CampaignBot.Core.Ports;

/// <summary>
/// Keeps a copy of each action on a platform's own calendar (Discord's Events tab) after it is created, edited or
/// cancelled. A mirror reports its own problems (log, <c>status</c>); it never fails the command that changed the action.
/// </summary>
public interface IEventMirror
{
    Task MirrorAsync(CampaignEvent e, CancellationToken cancellationToken);
}
