using System.Text.Json;
using System.Xml.Linq;
using CampaignBot.Core.Options;
using CampaignBot.Storage;
using YamlDotNet.RepresentationModel;

namespace CampaignBot.Tests;

/// <summary>
/// Docker can't run on the build machines, so the compose file and Dockerfile are checked for structure: the
/// services, health check and volumes are there, and every setting they pass is a real configuration key.
/// </summary>
public sealed class DeploymentFilesTests
{
    private static readonly HashSet<string> ConfigurationKeys = LoadConfigurationKeys();

    [Fact]
    public void Compose_runs_the_bot_on_a_healthy_postgres_with_volumes()
    {
        var services = (YamlMappingNode)Compose()["services"];
        var bot = (YamlMappingNode)services["bot"];
        var db = (YamlMappingNode)services["db"];

        Assert.StartsWith("postgres:", ((YamlScalarNode)db["image"]).Value, StringComparison.Ordinal);
        var healthcheck = (YamlMappingNode)db["healthcheck"];
        Assert.Contains("pg_isready", string.Join(' ', ((YamlSequenceNode)healthcheck["test"]).Select(n => ((YamlScalarNode)n).Value)), StringComparison.Ordinal);
        Assert.Equal("service_healthy", ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)bot["depends_on"])["db"])["condition"]).Value);
        Assert.Equal(".env", ((YamlScalarNode)bot["env_file"]).Value);

        var declared = ((YamlMappingNode)Compose()["volumes"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToHashSet();
        var used = new[] { bot, db }
            .SelectMany(service => (YamlSequenceNode)service["volumes"])
            .Select(volume => ((YamlScalarNode)volume).Value!.Split(':')[0]);
        Assert.All(used, volume => Assert.Contains(volume, declared));
        Assert.Contains("/var/lib/postgresql/data", ((YamlSequenceNode)db["volumes"]).Select(v => ((YamlScalarNode)v).Value), new SuffixComparer());
    }

    [Fact]
    public void Compose_environment_keys_are_real_configuration_keys()
    {
        var bot = (YamlMappingNode)((YamlMappingNode)Compose()["services"])["bot"];
        var environment = ((YamlMappingNode)bot["environment"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToArray();

        Assert.Contains("Storage__Provider", environment);
        Assert.All(environment, key => Assert.Contains(key.Replace("__", ":", StringComparison.Ordinal), ConfigurationKeys));
    }

    [Fact]
    public void Env_example_holds_configuration_keys_and_the_compose_password()
    {
        var keys = File.ReadAllLines(RepositoryRoot.File(".env.example"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=')[0])
            .ToArray();

        Assert.Contains("Discord__Token", keys);
        Assert.Contains("Mastodon__AccessToken", keys);
        Assert.Contains("POSTGRES_PASSWORD", keys);
        Assert.All(keys.Where(key => key.Contains("__", StringComparison.Ordinal)), key => Assert.Contains(key.Replace("__", ":", StringComparison.Ordinal), ConfigurationKeys));
    }

    [Fact]
    public void Appsettings_keys_of_bound_sections_are_options_properties()
    {
        foreach (var (section, type) in new[] { ("Storage", typeof(StorageOptions)), ("Campaign", typeof(CampaignOptions)), ("Web", typeof(Web.WebOptions)) })
        {
            var properties = type.GetProperties().Select(p => p.Name).ToHashSet();
            var keys = ConfigurationKeys.Where(key => key.StartsWith(section + ":", StringComparison.Ordinal)).Select(key => key.Split(':')[1]);
            Assert.All(keys, key => Assert.Contains(key, properties));
        }
    }

    [Fact]
    public void Dockerfile_is_multi_stage_and_runs_as_a_non_root_user()
    {
        var lines = File.ReadAllLines(RepositoryRoot.File("Dockerfile"));

        Assert.True(lines.Count(line => line.StartsWith("FROM ", StringComparison.Ordinal)) >= 2);
        Assert.Contains(lines, line => line.StartsWith("COPY --from=build", StringComparison.Ordinal));
        var user = lines.Last(line => line.StartsWith("USER ", StringComparison.Ordinal));
        Assert.NotEqual("USER root", user);
        Assert.Equal("ENTRYPOINT [\"./CampaignBot\"]", lines.Last(line => line.StartsWith("ENTRYPOINT ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Dockerfile_publishes_the_native_executable_for_the_image_architecture_on_runtime_deps_only()
    {
        var lines = File.ReadAllLines(RepositoryRoot.File("Dockerfile"));
        var publish = lines.Single(line => line.Contains("dotnet publish", StringComparison.Ordinal));
        var project = XDocument.Load(RepositoryRoot.File("src/CampaignBot/CampaignBot.csproj"));

        Assert.Equal("true", project.Descendants("PublishAot").Single().Value);
        Assert.Contains("--use-current-runtime", publish, StringComparison.Ordinal);
        Assert.Contains("-c Release", publish, StringComparison.Ordinal);
        Assert.Contains(lines, line => line.Contains("apt-get install", StringComparison.Ordinal) && line.Contains("clang", StringComparison.Ordinal));
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/runtime-deps:", lines.Last(line => line.StartsWith("FROM ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_marks_the_bot_healthy_from_readyz_and_the_image_exposes_the_web_ports()
    {
        var bot = (YamlMappingNode)((YamlMappingNode)Compose()["services"])["bot"];
        var test = string.Join(' ', ((YamlSequenceNode)((YamlMappingNode)bot["healthcheck"])["test"]).Select(n => ((YamlScalarNode)n).Value));
        var dockerfile = File.ReadAllLines(RepositoryRoot.File("Dockerfile"));

        Assert.Contains("/dev/tcp/127.0.0.1/9464", test, StringComparison.Ordinal);
        Assert.Contains("GET /readyz", test, StringComparison.Ordinal);
        Assert.Contains("http://0.0.0.0:9464", ((YamlScalarNode)((YamlMappingNode)bot["environment"])["Web__MetricsUrls"]).Value, StringComparison.Ordinal);
        Assert.Contains("EXPOSE 5080 9464", dockerfile);
        Assert.Contains(dockerfile, line => line.StartsWith("ENV ", StringComparison.Ordinal) && line.Contains(" Web__TrustedProxies=172.16.0.0/12", StringComparison.Ordinal));
    }

    private static YamlMappingNode Compose()
    {
        var stream = new YamlStream();
        using var reader = File.OpenText(RepositoryRoot.File("docker-compose.yml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>Every key of config/appsettings.json, flattened the way IConfiguration names them.</summary>
    private static HashSet<string> LoadConfigurationKeys()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.File("config/appsettings.json")));
        var keys = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonElement element, string prefix)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                keys.Add(prefix);
                return;
            }

            foreach (var property in element.EnumerateObject())
            {
                Walk(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}");
            }
        }

        Walk(document.RootElement, string.Empty);
        return keys;
    }

    private sealed class SuffixComparer : IEqualityComparer<string?>
    {
        public bool Equals(string? x, string? y) => x is not null && y is not null && (x.EndsWith(y, StringComparison.Ordinal) || y.EndsWith(x, StringComparison.Ordinal));

        public int GetHashCode(string? obj) => 0;
    }
}
