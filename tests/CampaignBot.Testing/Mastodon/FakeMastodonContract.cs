using System.Globalization;
using System.Text.Json.Nodes;
using CampaignBot.Testing.Contracts;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Testing.Mastodon;

/// <summary>
/// The reference Mastodon OpenAPI spec as the fake checks it: JSON bodies through <see cref="OpenApiContract"/>, and
/// query parameters against each operation's declared parameters (known name, <c>name[]</c> exactly for arrays,
/// integers and booleans that parse, enum members), plus the documented maxima the schema leaves out of types.
/// </summary>
internal sealed class FakeMastodonContract
{
    private static readonly Dictionary<string, int> MaxLimits = new(StringComparer.Ordinal)
    {
        ["GET /api/v1/notifications"] = 80,
        ["GET /api/v1/timelines/tag/{hashtag}"] = 40,
    };

    private readonly OpenApiContract _bodies;
    private readonly JsonObject _paths;
    private readonly JsonObject _schemas;

    private FakeMastodonContract(OpenApiContract bodies, JsonObject spec)
    {
        _bodies = bodies;
        _paths = spec["paths"]!.AsObject();
        _schemas = spec["components"]?["schemas"]?.AsObject() ?? [];
    }

    public static async Task<FakeMastodonContract> LoadAsync()
    {
        const string Spec = "mastodon/mastodon-openapi.json";
        var bodies = await OpenApiContract.LoadAsync(Spec).ConfigureAwait(false);
        var spec = JsonNode.Parse(await File.ReadAllTextAsync(ReferenceDirectory.File(Spec)).ConfigureAwait(false))!.AsObject();
        return new FakeMastodonContract(bodies, spec);
    }

    public IReadOnlyList<string> ValidateBody(string key, string json) => _bodies.Has(key) ? _bodies.Validate(key, json) : [];

    public IEnumerable<string> ValidateQuery(string key, IQueryCollection query)
    {
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        var method = key[..space].ToLowerInvariant();
        var template = key[(space + 1)..];
        if (_paths[template]?[method] is not JsonObject operation)
        {
            yield return $"{key} is not in the spec";
            yield break;
        }

        var declared = (operation["parameters"]?.AsArray() ?? [])
            .OfType<JsonObject>()
            .Where(p => p["in"]?.GetValue<string>() == "query")
            .ToDictionary(p => p["name"]!.GetValue<string>(), p => p["schema"] as JsonObject ?? [], StringComparer.Ordinal);
        foreach (var (rawName, values) in query)
        {
            var isArray = rawName.EndsWith("[]", StringComparison.Ordinal);
            var name = isArray ? rawName[..^2] : rawName;
            if (!declared.TryGetValue(name, out var schema))
            {
                yield return $"{key}: unknown query parameter \"{rawName}\"";
                continue;
            }

            var type = schema["type"]?.GetValue<string>();
            if ((type == "array") != isArray)
            {
                yield return $"{key}: \"{rawName}\" should be sent as {(type == "array" ? $"{name}[]" : name)}";
                continue;
            }

            var itemSchema = type == "array" ? Resolve(schema["items"] as JsonObject) : Resolve(schema);
            foreach (var value in values.OfType<string>())
            {
                if (Check(itemSchema, value) is { } problem)
                {
                    yield return $"{key}: \"{rawName}={value}\" {problem}";
                }
            }

            if (name == "limit" && MaxLimits.TryGetValue(key, out var max) && int.TryParse(values.ToString(), CultureInfo.InvariantCulture, out var limit) && limit > max)
            {
                yield return $"{key}: limit={limit} is over the documented maximum {max}";
            }
        }
    }

    private JsonObject? Resolve(JsonObject? schema) =>
        schema?["$ref"]?.GetValue<string>() is { } reference ? _schemas[reference.Split('/')[^1]] as JsonObject : schema;

    private static string? Check(JsonObject? schema, string value)
    {
        if (schema is null)
        {
            return null;
        }

        if (schema["enum"] is JsonArray members && !members.Any(m => m?.GetValue<string>() == value))
        {
            return "is not one of the allowed values";
        }

        return schema["type"]?.GetValue<string>() switch
        {
            "integer" when !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) => "is not an integer",
            "boolean" when value is not ("true" or "false") => "is not a boolean",
            _ => null,
        };
    }
}
