using Microsoft.AspNetCore.Routing;

namespace CampaignBot.Web;

/// <summary>
/// Endpoints another part of the bot adds to the public web surface (the Discord adapter's interactions endpoint),
/// registered by the host so that Web never references an adapter. <paramref name="Map"/> gets the root services.
/// Their endpoints read their own request bodies (under the 1 MB cap); on every other path a body is refused past it.
/// </summary>
public sealed record WebEndpoints(string Name, Action<IEndpointRouteBuilder, IServiceProvider> Map);
