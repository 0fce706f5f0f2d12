namespace CampaignBot.Testing.Contracts;

/// <summary>
/// The shared reference material (platform notes, OpenAPI specs, captured fixtures). It lives outside the
/// repository: <c>CAMPAIGNBOT_REFERENCE_DIR</c>, else <c>../shared/reference</c> beside the checkout. Contract
/// tests skip with a reason where it is absent, and fail instead when <c>CAMPAIGNBOT_REQUIRE_REFERENCE=1</c> (CI).
/// </summary>
public static class ReferenceDirectory
{
    public const string Variable = "CAMPAIGNBOT_REFERENCE_DIR";
    public const string RequireVariable = "CAMPAIGNBOT_REQUIRE_REFERENCE";

    private static readonly Lazy<string?> Located = new(Locate);

    /// <summary>The directory, or null when it can't be found.</summary>
    public static string? Path => Located.Value;

    /// <summary>The directory; skips the calling test (or fails it, in CI) when it is absent.</summary>
    public static string Require()
    {
        if (Located.Value is { } path)
        {
            return path;
        }

        var reason = $"Reference material not found: set {Variable} or place it at ../shared/reference beside the checkout.";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            throw new InvalidOperationException($"{reason} ({RequireVariable}=1, so this is a failure, not a skip.)");
        }

        Xunit.Assert.Skip(reason);
        return string.Empty;
    }

    /// <summary>A file under the reference directory, e.g. <c>discord/fixtures/hello.json</c>.</summary>
    public static string File(string relative) => System.IO.Path.Combine(Require(), relative);

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return Directory.Exists(configured) ? System.IO.Path.GetFullPath(configured) : null;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "CampaignBot.sln")))
            {
                var beside = System.IO.Path.Combine(directory.FullName, "..", "shared", "reference");
                return Directory.Exists(beside) ? System.IO.Path.GetFullPath(beside) : null;
            }
        }

        return null;
    }
}
