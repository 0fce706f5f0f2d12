using CampaignBot.Core.Results;

namespace CampaignBot.Commands.Routing;

/// <summary>Runs one command. Expected failures are returned, never thrown.</summary>
public delegate Task<Result<Reply>> CommandHandler(CommandRequest request, CancellationToken cancellationToken);
