using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CampaignBot.Testing.Contracts;
using CampaignBot.Testing.Discord;
using NSec.Cryptography;

namespace CampaignBot.Tests;

/// <summary>
/// The built bot with an Interactions Endpoint: Discord's signed POSTs to <c>/discord/interactions</c> on the web
/// surface, verified with the reference key, answered PONG, refused with 401, or run like gateway interactions.
/// </summary>
public sealed class DiscordHttpInteractionsTests : IAsyncDisposable
{
    private const string Callback = "POST /interactions/{interaction_id}/{interaction_token}/callback";
    private readonly TempDatabase _database = new();
    private FakeDiscordServer? _discord;

    [Fact]
    public async Task Signed_requests_are_answered_and_bad_stale_or_replayed_ones_get_401()
    {
        var vectors = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ReferenceDirectory.Require(), "discord", "fixtures", "ed25519_signature_vectors.json"), TestContext.Current.CancellationToken))!;
        var seed = Convert.FromHexString(vectors["private_seed_hex"]!.GetValue<string>());
        _discord = await FakeDiscordServer.StartAsync();
        await using var bot = DiscordBot.Start(_database.Path, _discord, $"--Discord:PublicKey={vectors["public_key_hex"]!.GetValue<string>()}");
        using var http = new HttpClient { BaseAddress = await bot.WebAddressAsync() };
        await _discord.WaitForOpAsync(2, timeout: TimeSpan.FromSeconds(30));

        var ping = """{"id":"1300000000000000009","application_id":"1100000000000000001","type":1,"token":"T","version":1}""";
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Sign(seed, now, ping);

        using var pong = await PostAsync(http, ping, signature, now);
        Assert.Equal(HttpStatusCode.OK, pong.StatusCode);
        Assert.Equal("application/json", pong.Content.Headers.ContentType!.MediaType);
        Assert.Equal(1, JsonNode.Parse(await pong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["type"]!.GetValue<int>());

        using var replayed = await PostAsync(http, ping, signature, now);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);

        // The reference vectors were signed on 2025-01-01: genuine, but far too old now.
        var stale = vectors["cases"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "valid_ping")!;
        using var old = await PostAsync(http, stale["body"]!.GetValue<string>(), stale["headers"]!["X-Signature-Ed25519"]!.GetValue<string>(), stale["headers"]!["X-Signature-Timestamp"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);

        using var forged = await PostAsync(http, ping.Replace("\"T\"", "\"U\"", StringComparison.Ordinal), Sign(seed, now, ping), now);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        using var unsigned = await http.PostAsync("/discord/interactions", new StringContent(ping, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);

        var command = InteractionPayloads.Command("help");
        var body = command.ToJsonString();
        using var accepted = await PostAsync(http, body, Sign(seed, now, body), now);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var id = InteractionPayloads.Id(command);
        var callback = await _discord.Requests.WaitAsync(r => r.Route == Callback && r.Parameters["interaction_id"] == id, TimeSpan.FromSeconds(10), "callback for help");
        Assert.Equal(4, callback.Body!["type"]!.GetValue<int>());
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string body, string signature, string timestamp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", signature);
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string Sign(byte[] seed, string timestamp, string body)
    {
        using var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        return Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body)));
    }

    public async ValueTask DisposeAsync()
    {
        if (_discord is not null)
        {
            await _discord.DisposeAsync();
        }

        _database.Dispose();
    }
}
