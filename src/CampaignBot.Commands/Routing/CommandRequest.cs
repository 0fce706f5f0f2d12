using CampaignBot.Core.Invocation;
using CampaignBot.Core.Specs;

namespace CampaignBot.Commands.Routing;

/// <summary>A validated command on its way to its handler.</summary>
public sealed record CommandRequest(CommandSpec Spec, CommandArgs Args, CommandContext Context);
