namespace CampaignBot.Core.Results;

/// <summary>
/// A piece of reply text. Plain text, or an instant that each platform renders in its own idiom
/// (Discord <c>&lt;t:unix:F&gt;</c>, elsewhere the time in the event's zone).
/// </summary>
public abstract record Fragment
{
    public static implicit operator Fragment(string text) => new TextFragment(text);
}

/// <summary>Literal text. User-supplied text is kept here verbatim; renderers neutralise mass mentions.</summary>
public sealed record TextFragment(string Text) : Fragment;

/// <summary>An instant to show in <paramref name="TimeZoneId"/>; <paramref name="Relative"/> adds "in 3 days"-style text.</summary>
public sealed record TimeFragment(DateTimeOffset Instant, string TimeZoneId, bool Relative = false) : Fragment;
