using DbUp.Engine;

namespace CampaignBot.Storage.Migrations;

// The scripts embedded under Migrations/<Provider>/, named by file so the journal outlives renames of namespaces.
internal static class MigrationScripts
{
    /// <summary>The names the journal records for <paramref name="provider"/>'s scripts, without loading DbUp.</summary>
    public static IReadOnlyList<string> Names(StorageProvider provider)
    {
        var prefix = Prefix(provider);
        return [.. Resources(provider).Select(name => name[prefix.Length..])];
    }

    public static IReadOnlyList<SqlScript> For(StorageProvider provider)
    {
        var assembly = typeof(MigrationScripts).Assembly;
        var prefix = Prefix(provider);
        var scripts = Resources(provider)
            .Select(name => new SqlScript(name[prefix.Length..], Read(name)))
            .ToArray();

        return scripts.Length > 0
            ? scripts
            : throw new InvalidOperationException($"No migration scripts are embedded for {provider}; the build is broken.");

        string Read(string name)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    private static string Prefix(StorageProvider provider) => $"Migrations/{provider}/";

    private static IEnumerable<string> Resources(StorageProvider provider) =>
        typeof(MigrationScripts).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix(provider), StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
}
