namespace CampaignBot.ArchitectureTests;

/// <summary>A throwaway <c>src/</c> tree of small projects, to show the checker catches what it should.</summary>
internal sealed class ScratchTree : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("campaignbot-layout-").FullName;

    public void Project(string name, string[]? references = null, string[]? packages = null, string? source = null)
    {
        var directory = Directory.CreateDirectory(Path.Combine(Root, "src", name)).FullName;
        var items = (references ?? []).Select(reference => $"""    <ProjectReference Include="..\{reference}\{reference}.csproj" />""")
            .Concat((packages ?? []).Select(package => $"""    <PackageReference Include="{package}" />"""));
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
            {string.Join('\n', items)}
              </ItemGroup>
            </Project>
            """);
        if (source is not null)
        {
            File.WriteAllText(Path.Combine(directory, "Code.cs"), source);
        }
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
