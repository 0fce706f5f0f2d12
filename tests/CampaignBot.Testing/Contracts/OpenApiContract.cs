using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace CampaignBot.Testing.Contracts;

/// <summary>
/// Validates JSON bodies against a platform's OpenAPI spec, for the fakes to check every request they receive.
/// NJsonSchema resolves neither <c>#/components/schemas</c> references nor <c>const</c>, so the spec is rewritten
/// once: component schemas and each operation's JSON request body become <c>definitions</c> (operations keyed as
/// <c>"POST /channels/{channel.id}/messages"</c>), and <c>const</c> becomes a one-value <c>enum</c>.
/// </summary>
public sealed class OpenApiContract
{
    // Enough for every distinct body of a bench run; beyond it bodies are still checked, just not remembered.
    private const int RememberedBodies = 4096;

    private static readonly ConcurrentDictionary<string, Lazy<Task<OpenApiContract>>> Cache = new();

    private readonly JsonSchema _root;

    // A body's verdict depends only on the body: remembered, so a fake answering the same card or reply again doesn't
    // spend milliseconds of the machine's CPU re-walking the spec's unions (a card callback is anyOf 7 callback
    // kinds, each holding oneOf 7 component kinds) before it answers the bot whose latency is being measured.
    private readonly ConcurrentDictionary<(string Definition, string Json), IReadOnlyList<string>> _verdicts = new();

    private OpenApiContract(JsonSchema root) => _root = root;

    /// <summary>The spec at <paramref name="relativePath"/> under the reference directory, loaded once per process.</summary>
    public static Task<OpenApiContract> LoadAsync(string relativePath)
    {
        var path = ReferenceDirectory.File(relativePath);
        return Cache.GetOrAdd(path, p => new Lazy<Task<OpenApiContract>>(() => LoadFileAsync(p))).Value;
    }

    public bool Has(string definition) => _root.Definitions.ContainsKey(definition);

    /// <summary>Readable violations (<c>Kind at path</c>); empty when the body is valid.</summary>
    public IReadOnlyList<string> Validate(string definition, string json)
    {
        if (!_root.Definitions.TryGetValue(definition, out var schema))
        {
            throw new ArgumentException($"The spec has no schema or operation named \"{definition}\".", nameof(definition));
        }

        if (_verdicts.TryGetValue((definition, json), out var known))
        {
            return known;
        }

        var errors = new List<string>();
        Collect(schema.Validate(json), errors);
        if (_verdicts.Count < RememberedBodies)
        {
            _verdicts.TryAdd((definition, json), errors);
        }

        return errors;
    }

    private static void Collect(IEnumerable<ValidationError> errors, List<string> into)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                foreach (var branch in child.Errors.Values)
                {
                    Collect(branch, into);
                }

                into.Add($"{error.Kind} at {error.Path}");
            }
            else
            {
                into.Add($"{error.Kind} at {error.Path}");
            }
        }
    }

    private static async Task<OpenApiContract> LoadFileAsync(string path)
    {
        var spec = JsonNode.Parse(await File.ReadAllTextAsync(path).ConfigureAwait(false))!.AsObject();
        var definitions = new JsonObject();
        if (spec["components"]?["schemas"] is JsonObject schemas)
        {
            foreach (var (name, schema) in schemas)
            {
                definitions[name] = schema?.DeepClone();
            }
        }

        if (spec["paths"] is JsonObject paths)
        {
            foreach (var (route, item) in paths)
            {
                if (item is not JsonObject operations)
                {
                    continue;
                }

                foreach (var (method, operation) in operations)
                {
                    if (operation is JsonObject && operation["requestBody"]?["content"]?["application/json"]?["schema"] is JsonNode body)
                    {
                        definitions[$"{method.ToUpperInvariant()} {route}"] = body.DeepClone();
                    }
                }
            }
        }

        ReplaceConst(definitions);
        var text = new JsonObject { ["definitions"] = definitions }.ToJsonString().Replace("\"#/components/schemas/", "\"#/definitions/", StringComparison.Ordinal);
        return new OpenApiContract(await JsonSchema.FromJsonAsync(text).ConfigureAwait(false));
    }

    private static void ReplaceConst(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["const"] is { } constant)
                {
                    obj.Remove("const");
                    obj["enum"] = new JsonArray(constant.DeepClone());
                }

                foreach (var (_, child) in obj.ToArray())
                {
                    ReplaceConst(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    ReplaceConst(child);
                }

                break;
        }
    }
}
