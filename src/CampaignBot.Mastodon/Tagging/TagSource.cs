namespace CampaignBot.Mastodon.Tagging;

/// <summary>How tagged statuses reached the bot; it decides only how they are batched, never whether they count.</summary>
internal enum TagSource
{
    /// <summary>One status pushed on a hashtag stream: queued for auto-boost, so the stream reads on.</summary>
    Stream,

    /// <summary>Pages read after a (re)connection or a newly tracked tag: every tag is read, due or not.</summary>
    Backfill,

    /// <summary>Pages read by the adapter's polling loop where there is no stream.</summary>
    Poll,

    /// <summary>Pages read by the Quartz hashtag poll job (which records what it is given back, too).</summary>
    HashtagJob,
}
