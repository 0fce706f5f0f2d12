namespace CampaignBot.Mastodon.Boost;

/// <summary>The bot's account id, its <c>acct</c>, and its instance's host (what local <c>acct</c>s leave out).</summary>
public sealed record BotSelf(string AccountId, string Acct, string Domain)
{
    /// <summary>The bot as <c>user@host</c>, lower-cased, like <see cref="AccountKeys.Of"/> keys authors.</summary>
    public string Key { get; } = AccountKeys.Of(Acct, Domain);
}
