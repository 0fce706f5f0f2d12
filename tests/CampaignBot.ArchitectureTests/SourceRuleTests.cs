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
    public void No_source_file_reads_the_system_clock()
    {
        var violations = SourceRules.ClockedTime.Violations(RepositoryRoot.Path).ToList();

        Assert.True(violations.Count == 0, "Time read without the TimeProvider:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void Clock_reads_and_waits_without_the_time_provider_are_reported_with_their_lines()
    {
        using var tree = new ScratchTree();
        tree.Project("CampaignBot.Mastodon", source: """
            namespace CampaignBot.Mastodon;
            internal sealed class Queue(TimeProvider clock)
            {
                public async Task DrainAsync(CancellationToken token)
                {
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    var now = DateTimeOffset.UtcNow;
                    var ticks = Environment.TickCount64;
                    await Task.Delay(TimeSpan.FromSeconds(1), token);
                    using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                    limit.CancelAfter(TimeSpan.FromSeconds(2));
                    await DrainedAsync().WaitAsync(TimeSpan.FromSeconds(5), token);
                    Thread.Sleep(10);
                }
            }
            """);

        var lines = SourceRules.ClockedTime.Violations(tree.Root).Select(violation => violation.Split(' ')[0]).ToList();

        Assert.Equal(
            ["CampaignBot.Mastodon/Code.cs:6", "CampaignBot.Mastodon/Code.cs:7", "CampaignBot.Mastodon/Code.cs:8", "CampaignBot.Mastodon/Code.cs:9",
                "CampaignBot.Mastodon/Code.cs:10", "CampaignBot.Mastodon/Code.cs:11", "CampaignBot.Mastodon/Code.cs:12", "CampaignBot.Mastodon/Code.cs:13"],
            lines);
    }

    [Fact]
    public void Time_read_through_the_time_provider_is_not_reported()
    {
        using var tree = new ScratchTree();
        tree.Project("CampaignBot.Mastodon", source: """
            namespace CampaignBot.Mastodon;
            internal sealed class Queue(TimeProvider clock)
            {
                public async Task DrainAsync(CancellationToken token)
                {
                    var started = clock.GetTimestamp();
                    var now = clock.GetUtcNow();
                    await Task.Delay(TimeSpan.FromSeconds(1), clock, token);
                    using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(3), clock);
                    using var linked = new CancellationTokenSource();
                    await DrainedAsync().WaitAsync(TimeSpan.FromSeconds(5), clock, token);
                    await DrainedAsync().WaitAsync(token);
                    // DateTimeOffset.UtcNow in a comment is prose; so is "Stopwatch" in a string.
                    var elapsed = clock.GetElapsedTime(started);
                }
            }
            """);

        Assert.Empty(SourceRules.ClockedTime.Violations(tree.Root));
    }

    [Fact]
    public void No_constructor_takes_an_optional_dependency()
    {
        var violations = SourceRules.ExplicitDependencies.Violations(RepositoryRoot.Path).ToList();

        Assert.True(violations.Count == 0, "Optional constructor dependencies:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void Optional_constructor_dependencies_are_reported_with_their_lines()
    {
        using var tree = new ScratchTree();
        tree.Project("CampaignBot.Storage", source: """
            namespace CampaignBot.Storage;
            public sealed class Store(DbDataSource source, TimeProvider? clock = null) : IStore;
            public sealed class Queue : IQueue
            {
                public Queue(DbDataSource source,
                    IEventLinks? links = null)
                {
                }
            }
            """);

        Assert.Equal(
            [
                "CampaignBot.Storage/Code.cs:2 takes an optional dependency: make the parameter required and register a default",
                "CampaignBot.Storage/Code.cs:6 takes an optional dependency: make the parameter required and register a default",
            ],
            SourceRules.ExplicitDependencies.Violations(tree.Root).ToList());
    }

    [Fact]
    public void Optional_values_and_method_parameters_are_not_dependencies()
    {
        using var tree = new ScratchTree();
        tree.Project("CampaignBot.Core", source: """
            namespace CampaignBot.Core;
            public sealed record Error(ErrorKind Kind, string Message, string? Hint = null);
            public sealed class ReplyBuilder(string? title = null, TimeSpan? wait = null);
            public sealed class Html
            {
                public Html Element(string tag, Html? inner = null) => this;
                public static Error BadInput(string message, Reply? reply = null) => new(message);
            }
            """);

        Assert.Empty(SourceRules.ExplicitDependencies.Violations(tree.Root));
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
