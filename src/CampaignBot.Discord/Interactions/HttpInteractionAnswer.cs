namespace CampaignBot.Discord.Interactions;

/// <summary>What to answer Discord's POST: a status code and, for a PING, the PONG body.</summary>
public sealed record HttpInteractionAnswer(int Status, string? Json = null)
{
    public static HttpInteractionAnswer Unauthorized { get; } = new(401);

    public static HttpInteractionAnswer Pong { get; } = new(200, """{"type":1}""");

    /// <summary>Taken: the answer goes to the interaction callback endpoint, as with the gateway.</summary>
    public static HttpInteractionAnswer Accepted { get; } = new(202);

    public static HttpInteractionAnswer BadRequest { get; } = new(400);
}
