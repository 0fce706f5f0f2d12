using System.Text.Json;

namespace CampaignBot.Discord.Gateway;

/// <summary>
/// One received gateway payload <c>{"op","d","s","t"}</c>. Owns the parsed document: <see cref="Data"/> is valid until
/// disposal, so anything handed to another thread is cloned first.
/// </summary>
internal sealed class GatewayFrame : IDisposable
{
    private readonly JsonDocument _document;

    private GatewayFrame(JsonDocument document, int op, long? sequence, string? type, JsonElement data)
    {
        _document = document;
        Op = op;
        Sequence = sequence;
        Type = type;
        Data = data;
    }

    public int Op { get; }

    public long? Sequence { get; }

    public string? Type { get; }

    public JsonElement Data { get; }

    /// <summary>Parses a frame; throws <see cref="JsonException"/> when it is not a gateway payload.</summary>
    public static GatewayFrame Parse(ReadOnlyMemory<byte> utf8)
    {
        var document = JsonDocument.Parse(utf8);
        try
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("op", out var op) || op.ValueKind != JsonValueKind.Number || !op.TryGetInt32(out var opCode))
            {
                throw new JsonException("not a gateway payload: no whole-number \"op\"");
            }

            long? sequence = null;
            if (root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number)
            {
                sequence = s.TryGetInt64(out var number) ? number : throw new JsonException("\"s\" is not a whole number");
            }

            var type = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var data = root.TryGetProperty("d", out var d) ? d : default;
            return new GatewayFrame(document, opCode, sequence, type, data);
        }
        catch (InvalidOperationException exception)
        {
            // A string that is not valid UTF-16 once unescaped (a lone surrogate): as unreadable as broken JSON.
            document.Dispose();
            throw new JsonException(exception.Message, exception);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    public void Dispose() => _document.Dispose();
}
