using CampaignBot.Core.Results;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CampaignBot.Seeding;

/// <summary>Reads a seed file; a malformed one is an error naming the line, not an exception.</summary>
/// <remarks>
/// The seed is read at every start (its hashtags are <c>Campaign:Hashtags</c>' default and it is validated), so it is
/// read from YAML's node tree by hand: YamlDotNet's reflection-based deserializer cost about 30–50 ms of start-up.
/// </remarks>
public static class SeedFileReader
{
    public static Result<SeedFile> Read(string path)
    {
        try
        {
            using var reader = File.OpenText(path);
            var stream = new YamlStream();
            stream.Load(reader);
            // A file of comments holds no document; a null document (`~`) maps to the defaults like an empty one.
            return stream.Documents.Count == 0 ? new SeedFile() : SeedFileNodes.File(stream.Documents[0].RootNode);
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
