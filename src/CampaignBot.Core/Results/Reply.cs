namespace CampaignBot.Core.Results;

/// <summary>
/// What a command answers: an optional title and lines of fragments. Adapters render it (plain text, an embed,
/// a Mastodon status). <see cref="Private"/> asks for an ephemeral reply or a direct message where the platform has one.
/// </summary>
public sealed record Reply(string? Title, IReadOnlyList<IReadOnlyList<Fragment>> Lines, bool Private = false)
{
    /// <summary>Buttons to show with the reply where the platform has them (the Discord event card); null for none.</summary>
    public ReplyActions? Actions { get; init; }

    public static Reply Text(string text, bool isPrivate = false) => new(null, [[text]], isPrivate);

    /// <summary>The reply as plain text with instants shown in their zone: what the shell prints.</summary>
    public string ToPlainText(TimeProvider clock) => ReplyText.Render(this, clock);
}
