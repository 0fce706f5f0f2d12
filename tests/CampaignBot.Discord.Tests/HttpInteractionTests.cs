using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignBot.Discord.Interactions;
using CampaignBot.Testing.Contracts;
using CampaignBot.Testing.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;

namespace CampaignBot.Discord.Tests;

public sealed class HttpInteractionTests
{
    private static readonly DateTimeOffset VectorTime = DateTimeOffset.FromUnixTimeSeconds(1735689600);

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        if (ReferenceDirectory.Path is not null)
        {
            foreach (var item in Vectors()["cases"]!.AsArray())
            {
                data.Add(item!["name"]!.GetValue<string>());
            }
        }
        else
        {
            data.Add("valid_ping");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Reference_vector_is_answered_as_Discord_expects(string name)
    {
        ReferenceDirectory.Require();
        var vector = Vectors()["cases"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!;
        await using var bot = await DiscordHarness.CreateAsync(settings => settings["Discord:PublicKey"] = Vectors()["public_key_hex"]!.GetValue<string>());
        var receiver = Receiver(bot, new FakeTimeProvider(VectorTime.AddSeconds(20)));

        var answer = Receive(receiver, vector);

        var expected = vector["expect_response"]?["status"]?.GetValue<int>() ?? (vector["expect_valid"]!.GetValue<bool>() ? 202 : 401);
        Assert.Equal(expected, answer.Status);
        if (vector["expect_response"]?["body"] is { } body)
        {
            Assert.True(JsonNode.DeepEquals(body, JsonNode.Parse(answer.Json!)), $"{name}: answered {answer.Json}");
        }
    }

    [Fact]
    public async Task Signed_request_older_than_five_minutes_is_refused()
    {
        ReferenceDirectory.Require();
        await using var bot = await DiscordHarness.CreateAsync(settings => settings["Discord:PublicKey"] = Vectors()["public_key_hex"]!.GetValue<string>());
        var ping = Vectors()["cases"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "valid_ping")!;

        Assert.Equal(401, Receive(Receiver(bot, new FakeTimeProvider(VectorTime.AddMinutes(5).AddSeconds(1))), ping).Status);
        Assert.Equal(401, Receive(Receiver(bot, new FakeTimeProvider(VectorTime.AddMinutes(-5).AddSeconds(-1))), ping).Status);
        Assert.Equal(200, Receive(Receiver(bot, new FakeTimeProvider(VectorTime.AddMinutes(4))), ping).Status);
    }

    [Fact]
    public async Task Replayed_request_is_refused()
    {
        ReferenceDirectory.Require();
        await using var bot = await DiscordHarness.CreateAsync(settings => settings["Discord:PublicKey"] = Vectors()["public_key_hex"]!.GetValue<string>());
        var receiver = Receiver(bot, new FakeTimeProvider(VectorTime));
        var ping = Vectors()["cases"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "valid_ping")!;

        Assert.Equal(200, Receive(receiver, ping).Status);
        Assert.Equal(401, Receive(receiver, ping).Status);
    }

    [Fact]
    public async Task Command_over_HTTP_is_answered_through_the_callback_like_the_gateway()
    {
        ReferenceDirectory.Require();
        var seed = Convert.FromHexString(Vectors()["private_seed_hex"]!.GetValue<string>());
        await using var bot = await DiscordHarness.CreateAsync(settings => settings["Discord:PublicKey"] = Vectors()["public_key_hex"]!.GetValue<string>());
        await bot.ConnectedAsync();
        await Seed.EventAsync(bot.Store, "March over HTTP", TimeSpan.FromDays(1));
        var receiver = bot.Get<HttpInteractionReceiver>();
        var interaction = InteractionPayloads.Command("event list");
        var body = Encoding.UTF8.GetBytes(interaction.ToJsonString());
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var answer = receiver.Receive(Sign(seed, timestamp, body), timestamp, body);

        Assert.Equal(202, answer.Status);
        var id = InteractionPayloads.Id(interaction);
        var callback = await bot.Server.Requests.WaitAsync(r => r.Route == DiscordHarnessExtensions.Callback && r.Parameters["interaction_id"] == id, TimeSpan.FromSeconds(5), "callback");
        Assert.Equal(4, callback.Body!["type"]!.GetValue<int>());
        Assert.Contains("March over HTTP", callback.Body["data"].Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":1e30}""")]
    [InlineData("""{"type":2.5}""")]
    [InlineData("""{"type":-2147483649}""")]
    [InlineData("""{"type":2}""")]
    [InlineData("""{"type":2,"id":"1300000000000000001","application_id":"1100000000000000001"}""")]
    [InlineData("""{"type":2,"id":7,"token":"T","application_id":"1100000000000000001"}""")]
    [InlineData("""{"type":"1"}""")]
    [InlineData("""[1]""")]
    public async Task Signed_body_that_is_no_interaction_is_a_bad_request(string json)
    {
        ReferenceDirectory.Require();
        var seed = Convert.FromHexString(Vectors()["private_seed_hex"]!.GetValue<string>());
        await using var bot = await DiscordHarness.CreateAsync(settings => settings["Discord:PublicKey"] = Vectors()["public_key_hex"]!.GetValue<string>(), start: false);
        var body = Encoding.UTF8.GetBytes(json);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(400, bot.Get<HttpInteractionReceiver>().Receive(Sign(seed, timestamp, body), timestamp, body).Status);
    }

    [Fact]
    public async Task Without_a_public_key_every_request_is_refused()
    {
        await using var bot = await DiscordHarness.CreateAsync(start: false);
        var receiver = bot.Get<HttpInteractionReceiver>();
        Assert.False(receiver.Enabled);
        Assert.Equal(401, receiver.Receive(new string('0', 128), "1735689600", """{"type":1}"""u8).Status);
    }

    private static HttpInteractionAnswer Receive(HttpInteractionReceiver receiver, JsonNode vector) =>
        receiver.Receive(
            vector["headers"]!["X-Signature-Ed25519"]!.GetValue<string>(),
            vector["headers"]!["X-Signature-Timestamp"]!.GetValue<string>(),
            Encoding.UTF8.GetBytes(vector["body"]!.GetValue<string>()));

    private static HttpInteractionReceiver Receiver(DiscordHarness bot, TimeProvider clock) => new(
        bot.Get<IOptions<DiscordOptions>>(), bot.Get<InteractionDispatcher>(), clock, bot.Get<ILogger<HttpInteractionReceiver>>());

    private static string Sign(byte[] seed, string timestamp, byte[] body)
    {
        using var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        return Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, [.. Encoding.UTF8.GetBytes(timestamp), .. body]));
    }

    private static JsonNode Vectors() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ReferenceDirectory.Require(), "discord", "fixtures", "ed25519_signature_vectors.json")))!;
}
