using CampaignBot.Mastodon.Rest;
using CampaignBot.Mastodon.Text;

namespace CampaignBot.Mastodon.Mentions;

/// <summary>Organisers are the accounts in <c>Mastodon:Organisers</c>; local accounts match by bare username too.</summary>
internal static class MastodonOrganisers
{
    public static bool Is(MastodonAccount account, IReadOnlyList<string> organisers, IReadOnlyList<string> localHosts) =>
        !account.Bot && organisers.Any(organiser => Handles.Same(account.Acct, organiser, localHosts));
}
