namespace CampaignBot.ArchitectureTests;

/// <summary>
/// What one source project may depend on: the projects it may reference (by name) and the namespace roots and
/// package name prefixes it must never use. Mirrors the layout table of DESIGN.md.
/// </summary>
internal sealed record LayerRule(
    string Project,
    IReadOnlySet<string> AllowedProjects,
    IReadOnlyList<string> ForbiddenNamespaces,
    IReadOnlyList<string> ForbiddenPackages)
{
    public static LayerRule For(string project, string[] allowedProjects, string[]? forbiddenNamespaces = null, string[]? forbiddenPackages = null) =>
        new(project, new HashSet<string>(allowedProjects, StringComparer.Ordinal), forbiddenNamespaces ?? [], forbiddenPackages ?? []);
}
