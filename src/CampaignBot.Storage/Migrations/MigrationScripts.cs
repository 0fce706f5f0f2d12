using DbUp.Engine;

namespace CampaignBot.Storage.Migrations;

// The scripts embedded under Migrations/<Provider>/, named by file so the journal outlives renames of namespaces.
internal static class MigrationScripts
{
    public static IReadOnlyList<SqlScript> For(StorageProvider provider)
    {
        var assembly = typeof(MigrationScripts).Assembly;
        var prefix = $"Migrations/{provider}/";
        var scripts = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
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
}
