using System.Text.RegularExpressions;

namespace CampaignBot.ArchitectureTests;

/// <summary>
/// A pattern that must not appear in code under <c>src/</c> (comments and strings don't count), except in the files
/// that own what it does, given by their path under <c>src/</c>.
/// </summary>
internal sealed record SourceRule(string Says, Regex Pattern, IReadOnlyList<string> Owners)
{
    public IEnumerable<string> Violations(string repositoryRoot)
    {
        var src = Path.Combine(repositoryRoot, "src");
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(src, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal) || Owners.Contains(relative))
            {
                continue;
            }

            var code = SourceScanner.BlankCommentsAndStrings(File.ReadAllText(file));
            foreach (Match match in Pattern.Matches(code))
            {
                var at = match.Groups["at"] is { Success: true } group ? group.Index : match.Index;
                yield return $"{relative}:{SourceScanner.LineOf(code, at)} {Says}";
            }
        }
    }
}
