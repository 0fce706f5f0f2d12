namespace CampaignBot.ArchitectureTests;

public sealed class FileSizeTests
{
    // DESIGN.md: small files, split past ~300 lines. A file that grows past this is a type doing too much.
    private const int MaxLines = 300;

    [Fact]
    public void No_source_file_is_over_300_lines()
    {
        var src = Path.Combine(RepositoryRoot.Path, "src");
        var large = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(file => (File: Path.GetRelativePath(src, file), Lines: File.ReadLines(file).Count()))
            .Where(file => file.Lines > MaxLines)
            .Select(file => $"{file.File}: {file.Lines} lines")
            .ToList();

        Assert.True(large.Count == 0, $"Split these files (over {MaxLines} lines):\n" + string.Join('\n', large));
    }
}
