namespace CampaignBot.ArchitectureTests;

public sealed class FileSizeTests
{
    // DESIGN.md: small files, split past ~300 lines. A file that grows past this is a type doing too much.
    private const int MaxLines = 300;

    [Fact]
    public void No_source_file_is_over_300_lines()
    {
        var large = LargeFiles(RepositoryRoot.Path);

        Assert.True(large.Count == 0, $"Split these files (over {MaxLines} lines):\n" + string.Join('\n', large));
    }

    [Fact]
    public void A_file_of_301_lines_is_reported_and_one_of_300_is_not()
    {
        using var tree = new ScratchTree();
        tree.Project("CampaignBot.Core", source: string.Concat(Enumerable.Repeat("// a line\n", 300)));
        tree.Project("CampaignBot.Commands", source: string.Concat(Enumerable.Repeat("// a line\n", 301)));

        Assert.Equal([$"CampaignBot.Commands{Path.DirectorySeparatorChar}Code.cs: 301 lines"], LargeFiles(tree.Root));
    }

    private static List<string> LargeFiles(string repositoryRoot)
    {
        var src = Path.Combine(repositoryRoot, "src");
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(file => (File: Path.GetRelativePath(src, file), Lines: File.ReadLines(file).Count()))
            .Where(file => file.Lines > MaxLines)
            .OrderBy(file => file.File, StringComparer.Ordinal)
            .Select(file => $"{file.File}: {file.Lines} lines")
            .ToList();
    }
}
