using CampaignBot.Mastodon.Rest;
using CampaignBot.Mastodon.Text;

namespace CampaignBot.Mastodon;

/// <summary>What the adapter learnt at start: who the bot is and the instance's limits and streaming host.</summary>
internal sealed class MastodonSession
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile MastodonAccount? _me;

    public MastodonAccount Me => _me ?? throw new InvalidOperationException("The Mastodon adapter has not signed in yet.");

    public bool IsReady => _me is not null;

    /// <summary>Completes once <c>verify_credentials</c> and the instance facts are in.</summary>
    public Task Ready => _ready.Task;

    public int MaxCharacters { get; private set; } = 500;

    public int CharactersPerUrl { get; private set; } = 23;

    public Uri? StreamingUrl { get; private set; }

    /// <summary>The instance's domain and the API host (with port, if any): what local handles may carry.</summary>
    public IReadOnlyList<string> LocalHosts { get; private set; } = [];

    public void Start(MastodonAccount me, MastodonInstance? instance, Uri apiBase, Uri? streamingUrl)
    {
        MaxCharacters = instance?.Configuration.Statuses.MaxCharacters is > 0 and var max ? max : 500;
        CharactersPerUrl = instance?.Configuration.Statuses.CharactersReservedPerUrl is > 0 and var url ? url : 23;
        StreamingUrl = streamingUrl;
        LocalHosts = [.. new[] { instance?.Domain, apiBase.Authority, apiBase.Host }.OfType<string>().Where(h => h.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
        _me = me;
        _ready.TrySetResult();
    }

    /// <summary>Whether <paramref name="acct"/> (as a status or notification shows it) is the bot.</summary>
    public bool IsMe(MastodonAccount account) =>
        _me is { } me && (account.Id == me.Id || Handles.Same(account.Acct, me.Acct, LocalHosts));
}
