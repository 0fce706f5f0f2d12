namespace CampaignBot.Testing.Mastodon;

/// <summary>
/// Switchable server behaviours of other servers that speak the Mastodon API, settable while the fake runs.
/// <see cref="Snac"/> turns on what snac 2.9x does.
/// </summary>
public sealed class FakeMastodonBehaviour
{
    /// <summary><c>mentions[]</c> leaves the bot out (entries carry position ids "0", "1"); only the HTML links to the bot.</summary>
    public bool MentionsWithoutBot { get; set; }

    /// <summary><c>min_id</c> is treated as <c>since_id</c> (the newest page after it) and no Link header is sent.</summary>
    public bool MinIdAsSinceId { get; set; }

    /// <summary>No <c>/api/v2/instance</c> (404); <c>/api/v1/instance</c> answers.</summary>
    public bool NoV2Instance { get; set; }

    /// <summary>The same <c>Idempotency-Key</c> twice makes two statuses.</summary>
    public bool IgnoresIdempotencyKey { get; set; }

    /// <summary>Every mention is notified twice (a second notification id for the same status, as after a delivery retry).</summary>
    public bool DuplicateNotifications { get; set; }

    /// <summary>The next this many streaming requests are answered 401 (then streaming works again).</summary>
    public int StreamingRefusals { get; set; }

    /// <summary>The next this many status posts are made but their answer is lost (the connection is cut).</summary>
    public int LostPostAnswers { get; set; }

    /// <summary>The next this many status posts are made but answered 503, as though they had failed.</summary>
    public int FailedPostAnswers { get; set; }

    /// <summary>List pages hold at most this many items, whatever <c>limit</c> asks for (null: Mastodon's own maximum).</summary>
    public int? MaxPageSize { get; set; }

    /// <summary>An account's newest page of statuses starts with its pinned ones, whatever their age (they stay in place too).</summary>
    public bool PinnedFirst { get; set; }

    /// <summary>Each list page comes in no particular order (its Link header still pages in the server's order).</summary>
    public bool PagesOutOfOrder { get; set; }

    /// <summary>The bot's own statuses can't be listed (403), as on a server that hides an account's statuses from API clients.</summary>
    public bool RefusesOwnStatuses { get; set; }

    /// <summary>Everything snac does (its hex ids and <c>@host:port</c> handles come with a quirky server).</summary>
    public static FakeMastodonBehaviour Snac() => new()
    {
        MentionsWithoutBot = true,
        MinIdAsSinceId = true,
        NoV2Instance = true,
        IgnoresIdempotencyKey = true,
        DuplicateNotifications = true,
    };
}
