using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CampaignBot.Testing.Discord;

namespace CampaignBot.Discord.Tests;

/// <summary>The fake's component and callback rules are live, so the card tests can trust what it accepts.</summary>
public sealed class FakeDiscordComponentTests
{
    private const string Mentions = "\"allowed_mentions\":{\"parse\":[]}";

    private static HttpClient Client(FakeDiscordServer server)
    {
        var http = new HttpClient { BaseAddress = new Uri(server.ApiBaseUrl + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", server.Token);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://example.org, 1.0)");
        return http;
    }

    private static string Button(int i, string? customId = null) => $$"""{"type":2,"style":1,"label":"B{{i}}","custom_id":"{{customId ?? $"id-{i}"}}"}""";

    public static TheoryData<string, string> BadComponents => new()
    {
        { $$"""[{"type":1,"components":[{{string.Join(',', Enumerable.Range(0, 6).Select(i => Button(i)))}}]}]""", "6 buttons" },
        { $$"""[{{string.Join(',', Enumerable.Range(0, 6).Select(i => $$"""{"type":1,"components":[{{Button(i)}}]}"""))}}]""", "6 component rows" },
        { $$"""[{"type":1,"components":[{{Button(0, new string('x', 101))}}]}]""", "custom_id" },
        { $$"""[{"type":1,"components":[{"type":2,"style":1,"label":"{{new string('x', 81)}}","custom_id":"a"}]}]""", "label" },
        { """[{"type":1,"components":[{"type":2,"style":5,"label":"Link","custom_id":"a"}]}]""", "link button" },
        { $$"""[{"type":1,"components":[{{Button(0, "same")}},{{Button(1, "same")}}]}]""", "appears twice" },
        { $$"""[{{Button(0)}}]""", "not an action row" },
    };

    [Theory]
    [MemberData(nameof(BadComponents))]
    public async Task Button_rows_beyond_discords_limits_are_refused(string components, string mentioned)
    {
        await using var server = await FakeDiscordServer.StartAsync();
        using var http = Client(server);

        using var content = new StringContent($$"""{"content":"card",{{Mentions}},"components":{{components}}}""", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("channels/1400000000000000001/messages", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(server.TakeViolations(), v => v.Contains(mentioned, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Edits_replace_the_fields_they_send_and_unknown_messages_are_404()
    {
        await using var server = await FakeDiscordServer.StartAsync();
        using var http = Client(server);
        using var post = new StringContent($$"""{"content":"before",{{Mentions}},"components":[{"type":1,"components":[{{Button(0)}}]}]}""", Encoding.UTF8, "application/json");
        using var posted = await http.PostAsync("channels/1400000000000000001/messages", post, TestContext.Current.CancellationToken);
        var id = server.Messages.Items.Single().Id;

        using var patch = new StringContent($$"""{"content":"after",{{Mentions}}}""", Encoding.UTF8, "application/json");
        using var edited = await http.PatchAsync($"channels/1400000000000000001/messages/{id}", patch, TestContext.Current.CancellationToken);
        using var again = new StringContent($$"""{"content":"x",{{Mentions}}}""", Encoding.UTF8, "application/json");
        using var missing = await http.PatchAsync("channels/1400000000000000001/messages/1800000000000000999", again, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("after", server.Current(id)!.Content);
        Assert.NotNull(server.Current(id)!.Body["components"]);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData(2, 6, true)]
    [InlineData(2, 7, true)]
    [InlineData(4, 4, true)]
    [InlineData(3, 6, false)]
    [InlineData(3, 4, false)]
    [InlineData(2, 5, false)]
    public async Task Callback_types_must_fit_the_interaction(int interactionType, int callbackType, bool refused)
    {
        await using var server = await FakeDiscordServer.StartAsync();
        using var http = Client(server);
        var interaction = InteractionPayloads.Press("cb1:going:1", "1800000000000000001");
        interaction["type"] = interactionType;
        await server.SendInteractionAsync(interaction);
        var id = InteractionPayloads.Id(interaction);
        var data = callbackType == 4 ? $$""","data":{"content":"ok",{{Mentions}}}""" : string.Empty;

        using var body = new StringContent($$"""{"type":{{callbackType}}{{data}}}""", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync($"interactions/{id}/token-{id}/callback", body, TestContext.Current.CancellationToken);
        using var second = new StringContent("""{"type":6}""", Encoding.UTF8, "application/json");
        using var twice = await http.PostAsync($"interactions/{id}/token-{id}/callback", second, TestContext.Current.CancellationToken);

        Assert.Equal(refused ? HttpStatusCode.BadRequest : HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(refused, server.TakeViolations().Count > 0);
        if (!refused)
        {
            Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        }
    }
}
