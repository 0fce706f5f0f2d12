using System.Net;
using System.Text.Json.Nodes;
using CampaignBot.Testing.Databases;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Web.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task Readyz_names_each_part_and_is_503_when_the_database_is_not_migrated()
    {
        await using var database = new SqliteTestDatabase();
        await using var web = await WebHost.StartAsync(database);
        var ct = TestContext.Current.CancellationToken;

        var alive = JsonNode.Parse(await web.Client.GetStringAsync("/healthz", ct))!;
        using var ready = await web.Client.GetAsync("/readyz", ct);
        var readyJson = JsonNode.Parse(await ready.Content.ReadAsStringAsync(ct))!;

        Assert.Equal("alive", alive["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("application/json", ready.Content.Headers.ContentType!.MediaType);
        Assert.Equal("ready", readyJson["status"]!.GetValue<string>());
        Assert.True(readyJson["checks"]!["database"]!["ready"]!.GetValue<bool>());
        Assert.True(readyJson["checks"]!["database"]!["required"]!.GetValue<bool>());

        await using (var connection = new SqliteConnection(database.Options.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM schemaversions WHERE scriptname LIKE '0008%'";
            await command.ExecuteNonQueryAsync(ct);
        }

        using var notReady = await web.Client.GetAsync("/readyz", ct);
        var notReadyJson = JsonNode.Parse(await notReady.Content.ReadAsStringAsync(ct))!;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal("not ready", notReadyJson["status"]!.GetValue<string>());
        Assert.False(notReadyJson["checks"]!["database"]!["ready"]!.GetValue<bool>());
    }

    [Fact]
    public async Task On_the_public_address_only_local_clients_see_each_parts_state_text()
    {
        await using var database = new SqliteTestDatabase();
        await using var web = await WebHost.StartAsync(database);
        var ct = TestContext.Current.CancellationToken;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/readyz");
        // Forwarded by a proxy on this machine for a client elsewhere.
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        using var remote = await web.Client.SendAsync(request, ct);
        var remoteJson = JsonNode.Parse(await remote.Content.ReadAsStringAsync(ct))!;
        var localJson = JsonNode.Parse(await web.Client.GetStringAsync("/readyz", ct))!;

        Assert.Equal(HttpStatusCode.OK, remote.StatusCode);
        Assert.Equal("ready", remoteJson["status"]!.GetValue<string>());
        Assert.True(remoteJson["checks"]!["database"]!["ready"]!.GetValue<bool>());
        Assert.Null(remoteJson["checks"]!["database"]!["state"]);
        Assert.StartsWith("migrated", localJson["checks"]!["database"]!["state"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_and_health_move_to_their_own_address_when_asked()
    {
        await using var database = new SqliteTestDatabase();
        await using var web = await WebHost.StartAsync(database, settings => settings["Web:MetricsUrls"] = "http://127.0.0.2:0");
        var ct = TestContext.Current.CancellationToken;
        using var operations = new HttpClient { BaseAddress = new Uri(Assert.Single(web.Status.OperationsUrls)) };

        using var metrics = await operations.GetAsync("/metrics", ct);
        var text = await metrics.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.StartsWith("text/plain", metrics.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Contains("process_cpu_time_seconds_total", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_collections_total", text, StringComparison.Ordinal);
        // The private address is the operator's: every client there gets the whole story.
        using var remoteReady = new HttpRequestMessage(HttpMethod.Get, "/readyz");
        remoteReady.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var ready = await operations.SendAsync(remoteReady, ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.NotNull(JsonNode.Parse(await ready.Content.ReadAsStringAsync(ct))!["checks"]!["database"]!["state"]);
        Assert.Equal(HttpStatusCode.NotFound, (await operations.GetAsync("/", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await web.Client.GetAsync("/metrics", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await web.Client.GetAsync("/readyz", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await web.Client.GetAsync("/", ct)).StatusCode);
    }
}
