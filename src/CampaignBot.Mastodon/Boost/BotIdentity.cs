using CampaignBot.Mastodon.Rest;

namespace CampaignBot.Mastodon.Boost;

/// <summary>
/// Who the bot is on its instance, for the never-boost-our-own rule. The Mastodon adapter calls <see cref="Set"/> with
/// the account <c>GET /api/v1/accounts/verify_credentials</c> returned (and again after a reconnect, if it changed).
/// Until then <see cref="Current"/> is null and <see cref="BoostDecider"/> decides nothing: the posts it is shown meanwhile
/// come again through backfill once the adapter is up.
/// </summary>
public sealed class BotIdentity
{
    private volatile BotSelf? _current;

    public BotSelf? Current => _current;

    /// <param name="account">The bot's own account.</param>
    /// <param name="instanceUrl"><c>Mastodon:InstanceUrl</c>: its host qualifies local accounts' <c>acct</c>.</param>
    public void Set(MastodonAccount account, Uri instanceUrl)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(instanceUrl);
        _current = new BotSelf(account.Id, account.Acct, instanceUrl.Host);
    }
}
