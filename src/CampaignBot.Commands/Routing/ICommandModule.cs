namespace CampaignBot.Commands.Routing;

/// <summary>A group of related commands that registers its handlers by command path.</summary>
public interface ICommandModule
{
    void Register(CommandTable table);
}
