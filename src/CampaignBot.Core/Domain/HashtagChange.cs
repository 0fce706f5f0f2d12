namespace CampaignBot.Core.Domain;

/// <summary>
/// A stored decision about a hashtag: tracked (added with <c>hashtag track</c>) or untracked
/// (removed with <c>hashtag untrack</c>, which also hides a configured tag).
/// </summary>
public sealed record HashtagChange(string Tag, bool Tracked, Person ChangedBy, DateTimeOffset ChangedAt);
