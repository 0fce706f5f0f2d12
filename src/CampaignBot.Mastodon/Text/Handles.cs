namespace CampaignBot.Mastodon.Text;

/// <summary>
/// Compares Mastodon handles: <c>user</c> (local), <c>user@host</c> and quirky local ones such as <c>user@host:port</c>,
/// case-insensitively; a bare username matches the same user on any of the bot's own hosts (the instance's domain and
/// the API host).
/// </summary>
internal static class Handles
{
    public static bool Same(string? a, string? b, IReadOnlyList<string> localHosts)
    {
        if (string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b))
        {
            return false;
        }

        var (userA, hostA) = Split(a);
        var (userB, hostB) = Split(b);
        if (!userA.Equals(userB, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return (hostA, hostB) switch
        {
            (null, null) => true,
            (null, { } host) => IsLocal(host, localHosts),
            ({ } host, null) => IsLocal(host, localHosts),
            ({ } x, { } y) => SameHost(x, y) || (IsLocal(x, localHosts) && IsLocal(y, localHosts)),
        };
    }

    private static bool IsLocal(string host, IReadOnlyList<string> localHosts) => localHosts.Any(local => SameHost(host, local));

    private static (string User, string? Host) Split(string handle)
    {
        handle = handle.Trim().TrimStart('@');
        var at = handle.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? (handle, null) : (handle[..at], handle[(at + 1)..]);
    }

    // "host:port" and "host" name the same server when either side leaves the port out.
    private static bool SameHost(string a, string b) =>
        a.Equals(b, StringComparison.OrdinalIgnoreCase)
        || (StripPort(a).Equals(StripPort(b), StringComparison.OrdinalIgnoreCase) && (!a.Contains(':', StringComparison.Ordinal) || !b.Contains(':', StringComparison.Ordinal)));

    private static string StripPort(string host)
    {
        var colon = host.LastIndexOf(':');
        return colon < 0 ? host : host[..colon];
    }
}
