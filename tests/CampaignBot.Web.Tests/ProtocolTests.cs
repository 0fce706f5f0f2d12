using System.Net;
using CampaignBot.Testing.Databases;

namespace CampaignBot.Web.Tests;

/// <summary>What clients that are not browsers send: HEAD, other methods, bodies of every size and shape.</summary>
public sealed class ProtocolTests
{
    [Fact]
    public async Task Every_read_path_answers_HEAD_and_other_methods_get_405_with_Allow()
    {
        await using var database = new SqliteTestDatabase();
        await using var web = await WebHost.StartAsync(database);
        var ct = TestContext.Current.CancellationToken;
        var march = await web.Store.AddEventAsync(Events.Draft("March", DateTimeOffset.UtcNow.AddDays(2)), ct);
        string[] paths = ["/", $"/events/{march.Id}", "/calendar.ics", "/calendar/march.ics", $"/events/{march.Id}.ics", "/site.css", "/healthz", "/readyz", "/metrics"];

        foreach (var path in paths)
        {
            using var head = await web.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path), ct);
            Assert.True(head.StatusCode == HttpStatusCode.OK, $"HEAD {path}: {head.StatusCode}");
            Assert.Empty(await head.Content.ReadAsByteArrayAsync(ct));
            AssertSecurityHeaders(head, $"HEAD {path}");
            foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete })
            {
                using var wrong = await web.Client.SendAsync(new HttpRequestMessage(method, path), ct);
                Assert.True(wrong.StatusCode == HttpStatusCode.MethodNotAllowed, $"{method} {path}: {wrong.StatusCode}");
                Assert.Equal(["GET", "HEAD"], wrong.Content.Headers.Allow.Order(StringComparer.Ordinal));
                AssertSecurityHeaders(wrong, $"{method} {path}");
            }
        }
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), $"{what}: no Content-Security-Policy");
        Assert.StartsWith("default-src 'none'", Assert.Single(csp), StringComparison.Ordinal);
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff) && nosniff.Single() == "nosniff", $"{what}: no nosniff");
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "no-referrer", $"{what}: no Referrer-Policy");
    }
}
