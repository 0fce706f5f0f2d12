namespace CampaignBot.Mastodon.Rest;

/// <summary>
/// Which budget a request draws on: the per-token API budget (300 per 5 minutes) or the account's status-creation
/// family (statuses and boosts, 300 per 3 hours), whose headers the create and reblog responses report.
/// </summary>
internal enum RateFamily
{
    Api,
    Statuses,
}
