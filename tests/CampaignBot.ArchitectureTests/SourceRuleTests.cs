namespace CampaignBot.ArchitectureTests;

public sealed class SourceRuleTests
{
    [Fact]
    public void No_source_file_starts_work_that_nobody_owns()
    {
        var violations = SourceRules.OwnedWork.Violations(RepositoryRoot.Path).ToList();

        Assert.True(violations.Count == 0, "Unowned work:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void No_source_file_builds_its_own_HTTP_client()
    {
        var violations = SourceRules.FactoryHttpClients.Violations(RepositoryRoot.Path).ToList();

        Assert.True(violations.Count == 0, "HTTP clients built outside the kit:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void Discarded_tasks_and_bare_task_runs_are_reported_with_their_lines()
    {
        using var tree = new ScratchTree();
        tree.Project("CampaignBot.Discord", source: """
            namespace CampaignBot.Discord;
            internal sealed class Loop(Heartbeater heartbeater)
            {
                public void Hello(CancellationToken token)
                {
                    _ = heartbeater.RunAsync(token);
                    Task.Run(() => heartbeater.Beat());
                    _ = Task.Delay(10).ContinueWith(_ => heartbeater.Beat(), TaskScheduler.Default);
                    new Thread(heartbeater.Loop) { IsBackground = true }.Start();
                }
                private async void Fire() => await Task.Yield();
            }
            """);

        var violations = SourceRules.OwnedWork.Violations(tree.Root).ToList();

        Assert.Equal(
            [
                "CampaignBot.Discord/Code.cs:6 starts work nobody owns: await or keep the task, or hand it to BackgroundWork",
                "CampaignBot.Discord/Code.cs:7 starts work nobody owns: await or keep the task, or hand it to BackgroundWork",
                "CampaignBot.Discord/Code.cs:8 starts work nobody owns: await or keep the task, or hand it to BackgroundWork",
                "CampaignBot.Discord/Code.cs:9 starts work nobody owns: await or keep the task, or hand it to BackgroundWork",
                "CampaignBot.Discord/Code.cs:11 starts work nobody owns: await or keep the task, or hand it to BackgroundWork",
            ],
            violations);
    }

    [Fact]
    public void Tasks_that_are_awaited_kept_or_handed_to_an_owner_are_not_reported()
    {
        using var tree = new ScratchTree();
        tree.Project("CampaignBot.Discord", source: """
            namespace CampaignBot.Discord;
            internal sealed class Loop(Heartbeater heartbeater, BackgroundWork work)
            {
                private Task _heartbeat = Task.CompletedTask;
                private readonly Thread _waker = new(Run) { IsBackground = true };
                public async Task HelloAsync(CancellationToken token)
                {
                    _heartbeat = heartbeater.RunAsync(token);
                    var line = await Task.Run(Console.ReadLine, token);
                    work.Start("a dispatch", _ => heartbeater.RunAsync(token), token);
                    _ = dictionary.TryRemove(line, out _);
                    items.ForEach(_ => heartbeater.Beat());
                    // _ = heartbeater.RunAsync(token); in a comment is prose.
                    _waker.Start();
                    await _heartbeat;
                }
            }
            """);

        Assert.Empty(SourceRules.OwnedWork.Violations(tree.Root));
    }

    [Fact]
    public void An_HTTP_client_built_in_an_adapter_is_reported()
    {
        using var tree = new ScratchTree();
        tree.Project("CampaignBot.Mastodon", source: """
            namespace CampaignBot.Mastodon;
            internal static class Http
            {
                public static HttpClient Create() =>
                    new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
            }
            """);

        // The client and its handler: both are the kit's to build.
        Assert.Equal(
            [
                "CampaignBot.Mastodon/Code.cs:5 builds its own HTTP client or handler: take a named client from IHttpClientFactory (AddPlatformHttpClient)",
                "CampaignBot.Mastodon/Code.cs:5 builds its own HTTP client or handler: take a named client from IHttpClientFactory (AddPlatformHttpClient)",
            ],
            SourceRules.FactoryHttpClients.Violations(tree.Root).ToList());
    }
}
