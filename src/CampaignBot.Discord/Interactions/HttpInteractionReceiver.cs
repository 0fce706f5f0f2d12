using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CampaignBot.Discord.Gateway;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace CampaignBot.Discord.Interactions;

/// <summary>
/// Discord's HTTP interactions (the Interactions Endpoint URL): checks the Ed25519 signature over timestamp + body
/// with <c>Discord:PublicKey</c>, refuses a timestamp more than 5 minutes off and a request seen before, answers PING
/// with PONG, and hands everything else to the dispatcher the gateway uses, so a command runs the same way (same
/// deadline, deferral and rendering through the callback endpoint) whichever way it came.
/// </summary>
public sealed class HttpInteractionReceiver
{
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    private readonly PublicKey? _key;
    private readonly InteractionDispatcher _dispatcher;
    private readonly TimeProvider _clock;
    private readonly ILogger<HttpInteractionReceiver> _logger;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    internal HttpInteractionReceiver(IOptions<DiscordOptions> options, InteractionDispatcher dispatcher, TimeProvider clock, ILogger<HttpInteractionReceiver> logger)
    {
        _key = ParseKey(options.Value.PublicKey);
        _dispatcher = dispatcher;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>False without a valid <c>Discord:PublicKey</c>: then every request is refused.</summary>
    public bool Enabled => _key is not null;

    public HttpInteractionAnswer Receive(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        var receivedAt = _clock.GetTimestamp();
        if (_key is null || !Verified(signatureHex, timestamp, body, out var signedAt))
        {
            Log.InteractionRejected(_logger, "bad signature");
            return HttpInteractionAnswer.Unauthorized;
        }

        var now = _clock.GetUtcNow();
        if ((now - signedAt).Duration() > MaxSkew)
        {
            Log.InteractionRejected(_logger, "stale timestamp");
            return HttpInteractionAnswer.Unauthorized;
        }

        // A signed request is good for its 5 minutes; one seen already in them is a replay.
        Forget(now);
        if (!_seen.TryAdd(signatureHex!.ToLowerInvariant(), signedAt))
        {
            Log.InteractionRejected(_logger, "replayed request");
            return HttpInteractionAnswer.Unauthorized;
        }

        JsonElement interaction;
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            interaction = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return HttpInteractionAnswer.BadRequest;
        }

        // Signed but not an interaction is a 400 here: a type such as 1e30 must not throw (a 500), and one without an
        // id or token could never be answered, so taking it (202) would leave the caller waiting for nothing.
        if (interaction.ValueKind != JsonValueKind.Object
            || !interaction.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.Number || !type.TryGetInt32(out var kind))
        {
            return HttpInteractionAnswer.BadRequest;
        }

        if (kind == InteractionType.Ping)
        {
            return HttpInteractionAnswer.Pong;
        }

        if (!IsText(interaction, "id") || !IsText(interaction, "token") || !IsText(interaction, "application_id"))
        {
            return HttpInteractionAnswer.BadRequest;
        }

        _dispatcher.Post(new GatewayDispatch("INTERACTION_CREATE", interaction, receivedAt, ShardId: -1));
        return HttpInteractionAnswer.Accepted;
    }

    private static bool IsText(JsonElement interaction, string name) =>
        interaction.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 };

    private bool Verified(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body, out DateTimeOffset signedAt)
    {
        signedAt = default;
        if (signatureHex is not { Length: 128 } || timestamp is not { Length: > 0 and <= 20 }
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        byte[] signature;
        try
        {
            signature = Convert.FromHexString(signatureHex);
        }
        catch (FormatException)
        {
            return false;
        }

        var message = new byte[Encoding.UTF8.GetByteCount(timestamp) + body.Length];
        var written = Encoding.UTF8.GetBytes(timestamp, message);
        body.CopyTo(message.AsSpan(written));
        signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return SignatureAlgorithm.Ed25519.Verify(_key!, message, signature);
    }

    private void Forget(DateTimeOffset now)
    {
        if (_seen.Count < 64)
        {
            return;
        }

        foreach (var (signature, signedAt) in _seen)
        {
            if (now - signedAt > MaxSkew)
            {
                _seen.TryRemove(signature, out _);
            }
        }
    }

    internal static PublicKey? ParseKey(string? hex)
    {
        if (hex is not { Length: 64 })
        {
            return null;
        }

        try
        {
            return PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(hex), KeyBlobFormat.RawPublicKey);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            return null;
        }
    }
}
