using CampaignBot.Core.Results;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CampaignBot.Seeding;

/// <summary>Reads a seed file; a malformed one is an error naming the line, not an exception.</summary>
public static class SeedFileReader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static Result<SeedFile> Read(string path)
    {
        try
        {
            using var reader = File.OpenText(path);
            return Deserializer.Deserialize<SeedFile?>(reader) ?? new SeedFile();
        }
        catch (YamlException exception)
        {
            return Error.BadInput($"{path} line {exception.Start.Line}: {(exception.InnerException ?? exception).Message}");
        }
        catch (IOException exception)
        {
            return Error.Unavailable($"{path}: {exception.Message}");
        }
    }
}
