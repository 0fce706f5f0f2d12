using System.Net;
using CampaignBot.Testing.Databases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CampaignBot.Web.Tests;

/// <summary>
/// The bot behind a reverse proxy that is not on its loopback, as in a container (the proxy on the host arrives from
/// the container network's gateway): with <c>Web:TrustedProxies</c> each client behind it is limited on its own.
/// </summary>
public sealed class TrustedProxyTests
{
    // A proxy at 10.1.2.3 forwards for the client; the test reaches the bot over loopback, a trusted hop too.
    private const string Proxy = "10.1.2.3";

    [Fact]
    public async Task Clients_behind_a_trusted_proxy_are_limited_each_on_their_own()
    {
        await using var database = new SqliteTestDatabase();
        await using var web = await WebHost.StartAsync(database, settings => settings["Web:TrustedProxies"] = "10.0.0.0/8; 192.0.2.7");

        var first = await BurstAsync(web, $"198.51.100.1, {Proxy}");
        // The client wrote a header of its own claiming to be this machine; the proxy appended the address it saw.
        var spoofing = await BurstAsync(web, $"127.0.0.1, 198.51.100.3, {Proxy}");
        var second = await BurstAsync(web, $"198.51.100.2, {Proxy}", requests: 30);

        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.Contains(HttpStatusCode.TooManyRequests, spoofing);
        Assert.All(second, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task Without_the_setting_a_proxy_off_loopback_is_one_client()
    {
        await using var database = new SqliteTestDatabase();
        await using var web = await WebHost.StartAsync(database);

        var first = await BurstAsync(web, $"198.51.100.1, {Proxy}");
        // More than the 20 tokens a second brings back: the other client finds the bucket the first one emptied.
        var second = await BurstAsync(web, $"198.51.100.2, {Proxy}", requests: 30);

        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.Contains(HttpStatusCode.TooManyRequests, second);
    }

    [Fact]
    public void A_trusted_proxy_that_is_no_address_or_network_stops_start_up_naming_the_key()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Web:TrustedProxies"] = "172.16.0.0/12, proxy.local",
        }).Build());
        services.AddCampaignWeb();
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WebOptions>>().Value);

        Assert.Equal("Web:TrustedProxies has \"proxy.local\", which is not an address or network such as 172.16.0.0/12.", Assert.Single(failure.Failures));
    }

    private static async Task<List<HttpStatusCode>> BurstAsync(WebHost web, string forwardedFor, int requests = 200)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < requests; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/site.css");
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await web.Client.SendAsync(request, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
