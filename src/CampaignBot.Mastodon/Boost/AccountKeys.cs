namespace CampaignBot.Mastodon.Boost;

// Accounts compared and counted as "user@host": lower-case, no leading '@', no port (some servers put "@host:port"
// in local accts), local accts qualified with the bot's own host.
internal static class AccountKeys
{
    public static string Of(string acct, string localDomain)
    {
        var trimmed = acct.Trim().TrimStart('@');
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        var user = at < 0 ? trimmed : trimmed[..at];
        var host = at < 0 ? localDomain : trimmed[(at + 1)..];
        return $"{user}@{Host(host)}".ToLowerInvariant();
    }

    public static string DomainOf(string accountKey) => accountKey[(accountKey.IndexOf('@', StringComparison.Ordinal) + 1)..];

    public static string Host(string domain)
    {
        var host = domain.Trim().TrimEnd('.');
        var colon = host.LastIndexOf(':');
        return (colon > 0 && host[(colon + 1)..].All(char.IsAsciiDigit) ? host[..colon] : host).ToLowerInvariant();
    }
}
