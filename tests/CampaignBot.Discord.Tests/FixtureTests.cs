using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignBot.Discord.Gateway;
using CampaignBot.Discord.Interactions;
using CampaignBot.Discord.Json;
using CampaignBot.Discord.Rest;
using CampaignBot.Testing.Contracts;

namespace CampaignBot.Discord.Tests;

/// <summary>Every fixture in the reference folder goes through the parser the bot uses for it.</summary>
public sealed class FixtureTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        if (ReferenceDirectory.Path is { } root && Directory.Exists(Path.Combine(root, "discord", "fixtures")))
        {
            foreach (var file in Directory.GetFiles(Path.Combine(root, "discord", "fixtures"), "*.json").Order())
            {
                data.Add(Path.GetFileName(file));
            }
        }
        else
        {
            data.Add("(reference absent)");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_is_parsed(string name)
    {
        var path = ReferenceDirectory.File(Path.Combine("discord", "fixtures", name));
        var bytes = File.ReadAllBytes(path);
        switch (name)
        {
            case "hello.json" or "heartbeat_ack.json" or "reconnect.json" or "invalid_session.json" or "ready.json":
                ServerFrame(name, bytes);
                break;
            case "identify.json" or "resume.json":
                ClientFrame(name, bytes);
                break;
            case "interaction_create_slash.json" or "interaction_autocomplete.json":
                InteractionFrame(name, bytes);
                break;
            case "interaction_ping.json":
                using (var document = JsonDocument.Parse(bytes))
                {
                    var ping = InteractionParser.Parse(document.RootElement, out var problem);
                    Assert.True(ping is not null, problem);
                    Assert.Equal(InteractionType.Ping, ping.Type);
                }

                break;
            case "rate_limit_429.json":
                RateLimits(bytes);
                break;
            case "ed25519_signature_vectors.json":
                SignedBodies(bytes);
                break;
            default:
                Assert.Fail($"No parser covers the fixture {name}; add one here.");
                break;
        }
    }

    private static void ServerFrame(string name, byte[] bytes)
    {
        using var frame = GatewayFrame.Parse(bytes);
        var expected = name switch { "hello.json" => 10, "heartbeat_ack.json" => 11, "reconnect.json" => 7, "invalid_session.json" => 9, _ => 0 };
        Assert.Equal(expected, frame.Op);
        if (name == "hello.json")
        {
            Assert.Equal(45000, frame.Data.GetProperty("heartbeat_interval").GetInt32());
        }

        if (name == "ready.json")
        {
            Assert.Equal("READY", frame.Type);
            Assert.Equal(1, frame.Sequence);
            Assert.Equal("9c4c2b3b1d6f4a6f8e2a0c1b5d7e9f11", frame.Data.GetProperty("session_id").GetString());
            Assert.True(Uri.TryCreate(frame.Data.GetProperty("resume_gateway_url").GetString(), UriKind.Absolute, out _));
        }
    }

    // Our own IDENTIFY and RESUME carry the same fields as the reference frames.
    private static void ClientFrame(string name, byte[] bytes)
    {
        var reference = JsonNode.Parse(bytes)!;
        var ours = JsonNode.Parse(name == "identify.json" ? GatewayPayloads.Identify("t", 0, 1) : GatewayPayloads.Resume("t", "s", 1337))!;
        Assert.Equal(reference["op"]!.GetValue<int>(), ours["op"]!.GetValue<int>());
        var expectedKeys = reference["d"]!.AsObject().Select(p => p.Key).Where(k => k is not "large_threshold").Order();
        Assert.Equal(expectedKeys, ours["d"]!.AsObject().Select(p => p.Key).Order());
        Assert.True(GatewayPayloads.Identify(new string('t', 72), 0, 1).Length < GatewaySocket.MaxSendBytes);
    }

    private static void InteractionFrame(string name, byte[] bytes)
    {
        using var frame = GatewayFrame.Parse(bytes);
        Assert.Equal("INTERACTION_CREATE", frame.Type);
        var interaction = InteractionParser.Parse(frame.Data, out var problem);
        Assert.True(interaction is not null, problem);
        Assert.Equal(["march", "announce"], interaction.Path);
        Assert.Equal("1500000000000000001", interaction.UserId);
        Assert.True(Organisers.Is(interaction, []));
        if (name == "interaction_autocomplete.json")
        {
            Assert.Equal(InteractionType.Autocomplete, interaction.Type);
            Assert.Equal("city", interaction.Focused);
            Assert.Equal("Le", interaction.Options["city"]);
        }
        else
        {
            Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
            Assert.Equal("Leeds", interaction.Options["city"]);
            Assert.Equal("1600000000000000002", interaction.Options["ping_role"]);
            Assert.Equal("#announcements", "#" + interaction.ChannelName);
        }
    }

    private static void RateLimits(byte[] bytes)
    {
        var cases = JsonNode.Parse(bytes)!.AsObject();
        foreach (var (name, node) in cases)
        {
            var headers = node!["headers"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
            var parsed = RateLimitHeaders.Parse(header => headers.GetValueOrDefault(header));
            switch (name)
            {
                case "route_limit" or "shared_resource_limit":
                    Assert.Equal("abcd1234", parsed.Bucket);
                    Assert.False(parsed.Global);
                    Assert.Equal(TimeSpan.FromSeconds(64.57), parsed.ResetAfter);
                    Assert.Equal(name == "route_limit" ? "user" : "shared", parsed.Scope);
                    break;
                case "global_limit":
                    Assert.True(parsed.Global);
                    Assert.Equal("global", parsed.Scope);
                    Assert.Equal(TimeSpan.FromSeconds(65), parsed.RetryAfter);
                    break;
                case "ok_response_headers":
                    Assert.True(parsed.HasLimits);
                    Assert.Equal(0, parsed.Remaining);
                    break;
            }

            if (node["body"] is JsonObject body)
            {
                var error = JsonSerializer.Deserialize(body.ToJsonString(), DiscordJsonContext.Default.ErrorBody)!;
                Assert.True(error.RetryAfter > 0);
                Assert.Equal(name == "global_limit", error.Global);
            }
        }
    }

    // The signed bodies are interactions (PINGs and trimmed commands); the bot reads them with the same parser.
    private static void SignedBodies(byte[] bytes)
    {
        var vectors = JsonNode.Parse(bytes)!;
        Assert.Equal(64, vectors["public_key_hex"]!.GetValue<string>().Length);
        foreach (var vector in vectors["cases"]!.AsArray())
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(vector!["body"]!.GetValue<string>()));
            var interaction = InteractionParser.Parse(document.RootElement, out var problem);
            if (document.RootElement.GetProperty("type").GetInt32() == InteractionType.Ping)
            {
                Assert.True(interaction is not null, problem);
                Assert.Equal(InteractionType.Ping, interaction.Type);
            }
            else
            {
                // These trimmed command bodies carry no member or user: refused with a reason, never an exception.
                Assert.Null(interaction);
                Assert.Contains("user", problem, StringComparison.Ordinal);
            }
        }
    }
}
