using Microsoft.Extensions.Options;

namespace CampaignBot.Mastodon.Mentions;

/// <summary>
/// How many commands one account may run by mention in an hour (<c>Mastodon:MentionsPerHour</c>; organisers are not
/// counted). Every answer is a post, and the bot's posts share one budget (300 in 3 hours on Mastodon) with the
/// reminders: a stranger mentioning the bot hundreds of times must not spend it. Mentions past the allowance get no
/// answer, so they cost nothing; the first one refused in a spell is logged. A status seen again (the stream and a poll
/// both bring it, or the server redelivers it) is counted once. Kept per process: a cluster's nodes each allow as much.
/// </summary>
internal sealed class MentionAllowance(IOptions<MastodonOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    // Forgetting accounts whose last command is past the window keeps the table to the last hour's authors.
    private const int SweepAbove = 1024;

    private readonly int _perHour = options.Value.MentionsPerHour;
    private readonly Dictionary<string, Spell> _authors = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();
    private DateTimeOffset _nextSweep;

    /// <summary>
    /// Counts the command in <paramref name="statusKey"/> against <paramref name="author"/>'s hour (once per status);
    /// <see cref="Allowance.Refused"/> past the allowance.
    /// </summary>
    public Allowance Take(string author, string statusKey)
    {
        if (_perHour == 0)
        {
            return Allowance.Granted;
        }

        var now = clock.GetUtcNow();
        lock (_lock)
        {
            // At most once a minute: a flood from thousands of accounts must not walk the table on every mention.
            if (_authors.Count > SweepAbove && now >= _nextSweep)
            {
                _nextSweep = now + TimeSpan.FromMinutes(1);
                foreach (var key in _authors.Where(entry => now - entry.Value.Newest > Window).Select(entry => entry.Key).ToArray())
                {
                    _authors.Remove(key);
                }
            }

            if (!_authors.TryGetValue(author, out var spell))
            {
                _authors[author] = spell = new Spell();
            }

            while (spell.Times.Count > 0 && now - spell.Times.Peek().At >= Window)
            {
                spell.Counted.Remove(spell.Times.Dequeue().StatusKey);
            }

            if (spell.Counted.Contains(statusKey))
            {
                return Allowance.Granted;
            }

            if (spell.Times.Count < _perHour)
            {
                spell.Times.Enqueue((now, statusKey));
                spell.Counted.Add(statusKey);
                spell.Newest = now;
                spell.Warned = false;
                return Allowance.Granted;
            }

            var first = !spell.Warned;
            spell.Warned = true;
            return first ? Allowance.RefusedFirst : Allowance.Refused;
        }
    }

    private sealed class Spell
    {
        public Queue<(DateTimeOffset At, string StatusKey)> Times { get; } = new();

        public HashSet<string> Counted { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset Newest { get; set; }

        public bool Warned { get; set; }
    }
}

/// <summary>Whether a mention's command may run; the first refusal of a spell is the one worth a log line.</summary>
internal enum Allowance
{
    Granted,
    RefusedFirst,
    Refused,
}
