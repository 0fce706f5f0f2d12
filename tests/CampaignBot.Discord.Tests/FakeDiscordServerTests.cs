using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CampaignBot.Testing.Contracts;
using CampaignBot.Testing.Discord;

namespace CampaignBot.Discord.Tests;

/// <summary>The fake's own checks are live: a body that breaks Discord's contract is refused and recorded.</summary>
public sealed class FakeDiscordServerTests
{
    [Theory]
    [InlineData("""{"content":"hi","allowed_mentions":{"parse":[]},"nonce":"this-nonce-is-longer-than-25-characters"}""", "nonce")]
    [InlineData("""{"content":"hi","allowed_mentions":{"parse":["everyone"]}}""", "everyone")]
    [InlineData("""{"content":"hi"}""", "allowed_mentions")]
    [InlineData("""{"embeds":[{"title":"x","color":"red"}],"allowed_mentions":{"parse":[]}}""", "color")]
    public async Task Message_bodies_that_break_the_contract_are_refused(string body, string mentioned)
    {
        ReferenceDirectory.Require();
        await using var server = await FakeDiscordServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.ApiBaseUrl + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", server.Token);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://example.org, 1.0)");

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("channels/1400000000000000001/messages", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var violations = server.TakeViolations();
        Assert.NotEmpty(violations);
        Assert.Contains(violations, v => v.Contains(mentioned, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(server.Messages.Items);
    }

    [Fact]
    public async Task Content_over_2000_characters_is_refused_although_the_spec_allows_4000()
    {
        await using var server = await FakeDiscordServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.ApiBaseUrl + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", server.Token);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://example.org, 1.0)");

        var body = "{\"content\":\"" + new string('x', 2001) + "\",\"allowed_mentions\":{\"parse\":[]}}";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("channels/1400000000000000001/messages", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(server.TakeViolations(), v => v.Contains("2001 characters", StringComparison.Ordinal));
    }
}
