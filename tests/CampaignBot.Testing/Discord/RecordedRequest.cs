using System.Text.Json.Nodes;

namespace CampaignBot.Testing.Discord;

/// <summary>A REST request the fake received: route template (as in Discord's OpenAPI paths), concrete path, body, and what it answered.</summary>
public sealed record RecordedRequest(string Method, string Template, string Path, IReadOnlyDictionary<string, string> Parameters, JsonNode? Body, int Status, DateTimeOffset At, long Timestamp)
{
    public string Route => $"{Method} {Template}";

    public string Parameter(string name) => Parameters[name];
}
