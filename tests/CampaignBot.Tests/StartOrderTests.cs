using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CampaignBot.Tests;

public sealed class StartOrderTests
{
    [Fact]
    public void Platform_adapters_and_the_shell_start_right_after_the_seed_and_before_the_scheduler()
    {
        string[] args =
        [
            "--Discord:Token=token", "--Discord:ApplicationId=1100000000000000001",
            "--Mastodon:InstanceUrl=https://mastodon.example", "--Mastodon:AccessToken=token",
            "--Shell:Enabled=true",
        ];
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddCampaignBot(args);

        var order = builder.Services.Where(d => d.ServiceType == typeof(IHostedService)).Select(d => d.ImplementationType?.Name ?? "(factory)").ToList();
        var seed = order.IndexOf("CampaignSeeder");
        Assert.True(seed > order.IndexOf("MigrationHostedService"), string.Join(", ", order));
        Assert.Equal(["DiscordAdapter", "InterestReconciler", "MastodonAdapter", "BoostRetryService", "ShellAdapter"], order.Skip(seed + 1).Take(5));
        Assert.True(order.IndexOf("ShellAdapter") < order.IndexOf("ClaimHeartbeat"), string.Join(", ", order));
        Assert.True(order.IndexOf("ShellAdapter") < order.IndexOf("WebSurface"), string.Join(", ", order));
    }
}
