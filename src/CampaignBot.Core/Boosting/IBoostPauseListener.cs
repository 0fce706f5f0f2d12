namespace CampaignBot.Core.Boosting;

/// <summary>
/// Told when <c>boost pause</c> or <c>boost resume</c> changes the stored switch in this process, so a component that
/// caches the switch sees the change at once (other processes see it when their cache expires).
/// </summary>
public interface IBoostPauseListener
{
    void PauseChanged(bool paused);
}
