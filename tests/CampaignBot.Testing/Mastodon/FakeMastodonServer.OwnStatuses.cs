using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Testing.Mastodon;

public sealed partial class FakeMastodonServer
{
    /// <summary>
    /// Runs after a status the bot posts is made and before the answer goes back: what happens on the server while the
    /// answer is on its way (the bot's other posts overtaking it, say).
    /// </summary>
    public Action? BeforePostAnswer { get; set; }

    /// <summary>
    /// Adds <paramref name="count"/> statuses of the bot's own that it did not post through this server's requests
    /// here (an earlier run, another node), each a moment newer than the one before, ending at
    /// <paramref name="createdAt"/> (now when null). Not counted in <see cref="Posts"/>.
    /// </summary>
    public IReadOnlyList<JsonObject> AddOwnStatuses(int count, DateTimeOffset? createdAt = null, bool pinned = false)
    {
        var newest = createdAt ?? Clock.GetUtcNow();
        var added = new List<JsonObject>(count);
        lock (_lock)
        {
            for (var i = count - 1; i >= 0; i--)
            {
                var status = FakeMastodonEntities.Status(NextId(), Bot, $"Earlier update {added.Count + 1} from the campaign", "public", newest - TimeSpan.FromMilliseconds(i), Domain);
                status["pinned"] = pinned;
                _statuses.Add(status);
                added.Add(status);
            }
        }

        return added;
    }

    private List<JsonObject> OwnStatuses(string accountId)
    {
        lock (_lock)
        {
            return [.. _statuses.Where(s => s["account"]?["id"]?.GetValue<string>() == accountId)];
        }
    }

    // The newest page only: the account's pinned statuses, newest first, where Behaviour.PinnedFirst asks for them.
    private List<JsonObject>? PinnedFirst(string accountId, IQueryCollection query) =>
        Behaviour.PinnedFirst && !query.ContainsKey("max_id") && !query.ContainsKey("min_id") && !query.ContainsKey("since_id")
            ? [.. OwnStatuses(accountId).Where(s => s["pinned"]?.GetValue<bool>() == true).Reverse()]
            : null;

    // Counts down one of the behaviours that apply to the next N posts; true when this post is one of them.
    private bool Take(Func<FakeMastodonBehaviour, int> remaining, Action<FakeMastodonBehaviour, int> set)
    {
        lock (_lock)
        {
            var left = remaining(Behaviour);
            if (left <= 0)
            {
                return false;
            }

            set(Behaviour, left - 1);
            return true;
        }
    }
}
