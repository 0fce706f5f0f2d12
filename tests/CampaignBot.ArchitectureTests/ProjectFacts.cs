using System.Xml.Linq;

namespace CampaignBot.ArchitectureTests;

/// <summary>What a project's files say it depends on: its <c>.csproj</c> references and the namespaces its code names.</summary>
internal sealed record ProjectFacts(
    string Name,
    IReadOnlyList<string> ProjectReferences,
    IReadOnlyList<string> Packages,
    IReadOnlyList<NamespaceUse> NamespaceUses)
{
    public static ProjectFacts Read(string projectFile)
    {
        var document = XDocument.Load(projectFile);
        var directory = Path.GetDirectoryName(projectFile)!;
        var projects = Includes(document, "ProjectReference").Select(Path.GetFileNameWithoutExtension).OfType<string>().ToList();
        var packages = Includes(document, "PackageReference").Concat(Includes(document, "FrameworkReference")).ToList();
        var uses = SourceFiles(directory)
            .SelectMany(file => SourceScanner.NamespacesUsed(File.ReadAllText(file))
                .Select(use => use with { File = Path.GetRelativePath(directory, file) }))
            .ToList();
        return new ProjectFacts(Path.GetFileNameWithoutExtension(projectFile), projects, packages, uses);
    }

    private static IEnumerable<string> Includes(XDocument document, string element) =>
        document.Descendants(element)
            .Select(reference => (string?)reference.Attribute("Include"))
            .OfType<string>()
            .Select(include => include.Replace('\\', '/'));

    private static IEnumerable<string> SourceFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(Path.GetRelativePath(directory, file)));

    private static bool IsBuildOutput(string relative)
    {
        var first = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
        return first is "bin" or "obj";
    }
}
