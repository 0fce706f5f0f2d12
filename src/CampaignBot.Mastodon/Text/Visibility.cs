namespace CampaignBot.Mastodon.Text;

/// <summary>Status visibilities from widest to narrowest: public, unlisted, private, direct.</summary>
internal static class Visibility
{
    public const string Public = "public";
    public const string Unlisted = "unlisted";
    public const string Private = "private";
    public const string Direct = "direct";

    /// <summary>The narrower of the two (unknown values count as direct, the safe side).</summary>
    public static string Narrowest(string a, string b) => Rank(a) >= Rank(b) ? Normal(a) : Normal(b);

    private static string Normal(string value) => Rank(value) switch
    {
        0 => Public,
        1 => Unlisted,
        2 => Private,
        _ => Direct,
    };

    private static int Rank(string value) => value.ToLowerInvariant() switch
    {
        Public => 0,
        Unlisted => 1,
        Private => 2,
        _ => 3,
    };
}
