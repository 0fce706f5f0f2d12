namespace CampaignBot.Discord.Rest;

/// <summary>
/// One request target. <see cref="Template"/> is the route as Discord's docs name it; <see cref="Major"/> is the
/// top-level resource (channel, guild, webhook) that Discord keys its rate-limit buckets with.
/// </summary>
internal sealed record RestRoute(HttpMethod Method, string Template, string Path, string Major, bool Authenticated = true)
{
    /// <summary>Interaction callbacks and webhook follow-ups are exempt from the global limit.</summary>
    public bool Global => Authenticated;

    public string Key => $"{Method.Method} {Template}";

    public override string ToString() => $"{Method.Method} {Template}";
}
