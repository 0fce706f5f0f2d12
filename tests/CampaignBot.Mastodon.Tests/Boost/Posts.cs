using CampaignBot.Mastodon.Boost;
using CampaignBot.Mastodon.Rest;

namespace CampaignBot.Mastodon.Tests.Boost;

// Our own test posts: a consenting human author posting publicly with a tracked tag, minutes ago; each test changes
// the one thing its rule is about.
internal static class Posts
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 16, 0, 0, TimeSpan.Zero);

    public static readonly Uri Instance = new("https://mastodon.example");

    public static readonly MastodonAccount Bot = new()
    {
        Id = "109876543210000001",
        Username = "campaignbot",
        Acct = "campaignbot",
        Bot = true,
    };

    public static BotSelf Me { get; } = new(Bot.Id, Bot.Acct, Instance.Host);

    public static MastodonAccount Author(string acct = "dana@union.example", string? id = null) => new()
    {
        Id = id ?? "acct-" + acct,
        Username = acct.Split('@')[0],
        Acct = acct,
        Note = "<p>Nurse and union rep.</p>",
        Discoverable = true,
        Indexable = true,
        Noindex = false,
    };

    public static MastodonStatus Tagged(string id, MastodonAccount? author = null, TimeSpan? age = null, params string[] tags) => new()
    {
        Id = id,
        Uri = $"https://union.example/users/{(author ?? Author()).Username}/statuses/{id}",
        CreatedAt = Now - (age ?? TimeSpan.FromMinutes(10)),
        Account = author ?? Author(),
        Visibility = "public",
        Content = "<p>On the picket line <a href=\"https://union.example/tags/notsafenotfair\" class=\"mention hashtag\" rel=\"tag\">#<span>NotSafeNotFair</span></a></p>",
        Tags = [.. (tags.Length == 0 ? ["notsafenotfair"] : tags).Select(tag => new MastodonTag { Name = tag, Url = $"https://mastodon.example/tags/{tag}" })],
        Reblogged = false,
    };

    /// <summary>Someone else's boost of <paramref name="original"/>, as the hashtag stream delivers it.</summary>
    public static MastodonStatus BoostOf(MastodonStatus original, string id, string by = "erin@other.example") => new()
    {
        Id = id,
        Uri = $"https://other.example/users/erin/statuses/{id}/activity",
        CreatedAt = original.CreatedAt.AddMinutes(1),
        Account = Author(by),
        Visibility = "public",
        Reblog = original,
    };
}
