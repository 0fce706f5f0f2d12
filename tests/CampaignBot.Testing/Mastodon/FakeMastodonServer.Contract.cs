using Microsoft.AspNetCore.Http;

namespace CampaignBot.Testing.Mastodon;

public sealed partial class FakeMastodonServer
{
    private void CheckQuery(string key, IQueryCollection query)
    {
        foreach (var problem in _contract?.ValidateQuery(key, query) ?? [])
        {
            Violation(problem);
        }
    }
}
