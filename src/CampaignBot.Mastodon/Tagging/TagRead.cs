using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;

namespace CampaignBot.Mastodon.Tagging;

/// <summary>One tag's part of a poll: where its cursors are kept and where what it finds goes.</summary>
internal sealed record TagRead(string Tag, string Key, IReadOnlyList<string> Tracked, List<HashtagMention> Found, TagSource Source)
{
    public string CursorKey => MastodonSettingKeys.TagCursorPrefix + Key;

    public string BackfillKey => MastodonSettingKeys.TagBackfillPrefix + Key;
}
