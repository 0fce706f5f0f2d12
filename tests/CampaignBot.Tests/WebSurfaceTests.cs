using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CampaignBot.Tests;

/// <summary>The web surface of the real bot process, as an operator and a Prometheus server see it.</summary>
public sealed partial class WebSurfaceTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Running_bot_is_ready_counts_a_sent_reminder_and_links_the_calendar()
    {
        await using var bot = BotProcess.Start(_database.Path, "--Web:PublicUrl=https://campaign.example.org/");
        var address = await bot.WebAddressAsync();
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        var ct = TestContext.Current.CancellationToken;

        await bot.Input.WriteLineAsync("event create kind:rally title:\"Quick rally\" when:\"in 2s\" reminders:0");
        await bot.Input.WriteLineAsync("event info 3");
        await bot.Input.WriteLineAsync("status");
        await bot.Input.FlushAsync(ct);

        // Kestrel listens before Quartz runs (Quartz starts its scheduler once the host has started), so /readyz
        // may answer 503 for a moment, as a health check polling it would see.
        var (status, body) = await WaitForReadyAsync(http, ct);
        var checks = JsonNode.Parse(body)!["checks"]!;
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(checks["database"]!["ready"]!.GetValue<bool>());
        Assert.True(checks["scheduler"]!["ready"]!.GetValue<bool>());

        var metrics = await WaitForAsync(http, "/metrics", text => SentReminder().IsMatch(text), ct);
        Assert.Matches(FireLagBucket(), metrics);
        Assert.Matches(ShellDelivery(), metrics);
        Assert.Contains("process_cpu_time_seconds_total", metrics, StringComparison.Ordinal);

        Assert.Contains("Add to calendar: https://campaign.example.org/events/3.ics", bot.Output, StringComparison.Ordinal);
        Assert.Contains($"campaign page on {address.AbsoluteUri.TrimEnd('/')}", bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_address_is_one_log_line_without_a_stack_trace_and_the_bot_runs_on()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var run = await BotProcess.PipeAsync(_database.Path, "status\n", $"--Web:Urls=http://127.0.0.1:{port}");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Junior Doctors' Contract Campaign — status", run.Output, StringComparison.Ordinal);
        var failure = Assert.Single(run.Errors.Split('\n'), line => line.Contains("could not listen", StringComparison.Ordinal));
        Assert.Contains($"127.0.0.1:{port}", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed to start", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Web_switched_off_is_said_at_start_and_in_status()
    {
        var run = await BotProcess.PipeAsync(_database.Path, "status\n", "--Web:Urls=off");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Web: off (Web:Urls is off)", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("campaign page on", run.Errors + run.Output, StringComparison.Ordinal);
        Assert.Matches(WebOffInStatus(), run.Output);
    }

    private static async Task<(HttpStatusCode Status, string Body)> WaitForReadyAsync(HttpClient http, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (true)
        {
            using var ready = await http.GetAsync("/readyz", ct);
            var body = await ready.Content.ReadAsStringAsync(ct);
            if (ready.StatusCode == HttpStatusCode.OK || DateTimeOffset.UtcNow > deadline)
            {
                return (ready.StatusCode, body);
            }

            await Task.Delay(50, ct);
        }
    }

    private static async Task<string> WaitForAsync(HttpClient http, string path, Func<string, bool> done, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var text = await http.GetStringAsync(path, ct);
            if (done(text) || DateTimeOffset.UtcNow > deadline)
            {
                Assert.True(done(text), $"{path} never matched; last:\n{text}");
                return text;
            }

            await Task.Delay(250, ct);
        }
    }

    [GeneratedRegex("""Web: off \(set Web:Urls to serve the campaign page\)""")]
    private static partial Regex WebOffInStatus();

    [GeneratedRegex("""campaignbot_reminders_total\{[^}]*outcome="sent"[^}]*\} 1""")]
    private static partial Regex SentReminder();

    [GeneratedRegex("""campaignbot_reminder_fire_lag_seconds_bucket\{[^}]*le="\+Inf"[^}]*\} 1""")]
    private static partial Regex FireLagBucket();

    [GeneratedRegex("""campaignbot_deliveries_total\{[^}]*platform="shell"[^}]*\} 1""")]
    private static partial Regex ShellDelivery();
}
