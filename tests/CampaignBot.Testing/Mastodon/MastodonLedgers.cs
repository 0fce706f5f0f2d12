using System.Data.Common;
using CampaignBot.Core.Mentions;
using CampaignBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Testing.Mastodon;

/// <summary>The stores the Mastodon adapter needs besides the campaign store, for harnesses that wire storage by hand.</summary>
public static class MastodonLedgers
{
    public static IServiceCollection AddMastodonLedgers(this IServiceCollection services, DbDataSource dataSource) => services
        .AddSingleton<IMentionLedger>(new SqlMentionLedger(dataSource))
        .AddSingleton<IPostLedger>(new SqlPostLedger(dataSource));
}
