namespace CampaignBot.ArchitectureTests;

/// <summary>Checks every project under a tree's <c>src/</c> against the layout rules and lists what breaks them.</summary>
internal static class LayoutChecker
{
    public static IReadOnlyList<string> Violations(string repositoryRoot, IReadOnlyList<LayerRule> rules)
    {
        var violations = new List<string>();
        var byName = rules.ToDictionary(rule => rule.Project, StringComparer.Ordinal);
        foreach (var projectFile in Directory.EnumerateFiles(Path.Combine(repositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var facts = ProjectFacts.Read(projectFile);
            if (!byName.TryGetValue(facts.Name, out var rule))
            {
                violations.Add($"{facts.Name}: no layout rule; add it to DESIGN.md's table and to Layout.Rules");
                continue;
            }

            violations.AddRange(Check(facts, rule));
        }

        return violations;
    }

    private static IEnumerable<string> Check(ProjectFacts facts, LayerRule rule)
    {
        foreach (var reference in facts.ProjectReferences.Where(reference => !rule.AllowedProjects.Contains(reference)))
        {
            yield return $"{facts.Name} references project {reference}; it may reference only {Describe(rule.AllowedProjects)}";
        }

        foreach (var package in facts.Packages)
        {
            var forbidden = rule.ForbiddenPackages.FirstOrDefault(prefix => package.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
            if (forbidden is not null)
            {
                yield return $"{facts.Name} references package {package}, which does not belong in it";
            }
        }

        foreach (var use in facts.NamespaceUses)
        {
            var forbidden = rule.ForbiddenNamespaces.FirstOrDefault(root => SourceScanner.IsWithin(use.Namespace, root));
            if (forbidden is not null)
            {
                yield return $"{facts.Name}/{use.File}:{use.Line} uses {use.Namespace}, which {facts.Name} must not know";
            }
        }
    }

    private static string Describe(IReadOnlySet<string> projects) =>
        projects.Count == 0 ? "nothing" : string.Join(", ", projects.Order(StringComparer.Ordinal));
}
