using System.Text.RegularExpressions;

namespace CampaignBot.ArchitectureTests;

/// <summary>
/// Finds the namespaces a C# file names: <c>using</c> directives (plain, static, aliased, global) and qualified
/// names of our own projects in code. Comments and string literals are blanked first, so prose that mentions a
/// project does not count; line numbers are kept.
/// </summary>
internal static partial class SourceScanner
{
    public static IEnumerable<NamespaceUse> NamespacesUsed(string source) => Find(BlankCommentsAndStrings(source)).Distinct();

    private static IEnumerable<NamespaceUse> Find(string code)
    {
        foreach (Match match in UsingDirective().Matches(code))
        {
            yield return new NamespaceUse(match.Groups["name"].Value, LineOf(code, match.Index));
        }

        foreach (Match match in QualifiedName().Matches(code))
        {
            yield return new NamespaceUse(match.Value, LineOf(code, match.Index));
        }
    }

    /// <summary>True when <paramref name="used"/> is <paramref name="root"/> or a namespace inside it.</summary>
    public static bool IsWithin(string used, string root) =>
        used.Equals(root, StringComparison.Ordinal)
        || (used.StartsWith(root, StringComparison.Ordinal) && used[root.Length] == '.');

    public static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    /// <summary>The code without comments and literals (replaced by spaces, newlines kept), so neither can look like code.</summary>
    public static string BlankCommentsAndStrings(string source) =>
        CommentOrString().Replace(source, match => Regex.Replace(match.Value, "[^\n]", " "));

    [GeneratedRegex(""""/\*[\s\S]*?\*/|//[^\n]*|@"(?:[^"]|"")*"|\$?"""[\s\S]*?"""|\$?"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)'"""")]
    private static partial Regex CommentOrString();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?<name>[A-Za-z_][\w.]*)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"(?<![\w.])CampaignBot(?:\.[A-Z]\w*)+")]
    private static partial Regex QualifiedName();
}
