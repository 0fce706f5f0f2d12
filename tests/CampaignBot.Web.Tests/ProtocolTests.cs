using System.Net;
using CampaignBot.Core.Domain;
using CampaignBot.Testing.Databases;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Web.Tests;

/// <summary>What clients that are not browsers send: HEAD, other methods, bodies of every size and shape.</summary>
public sealed class ProtocolTests
{
    private const int OverCap = (1024 * 1024) + (64 * 1024);

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

    [Fact]
    public async Task A_body_past_1_MB_is_413_on_every_path_with_or_without_a_length()
    {
        await using var database = new SqliteTestDatabase();
        await using var web = await WebHost.StartAsync(database, services: EchoEndpoint);
        var ct = TestContext.Current.CancellationToken;

        foreach (var path in new[] { "/", "/calendar.ics", "/metrics", "/no/such/page", "/echo" })
        {
            foreach (var chunked in new[] { false, true })
            {
                using var response = await web.Client.SendAsync(Post(path, new byte[OverCap], chunked), ct);
                var what = $"{(chunked ? "chunked" : "sized")} POST {path}";
                Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{what}: {response.StatusCode}");
                AssertSecurityHeaders(response, what);
                Assert.Equal("Request body too large: the limit is 1 MB.\n", await response.Content.ReadAsStringAsync(ct));
            }
        }

        // Under the cap nothing changes: a wrong method is still a 405, and an endpoint that reads its body gets all of it.
        using var small = await web.Client.SendAsync(Post("/", new byte[10_000], chunked: true), ct);
        using var echoed = await web.Client.SendAsync(Post("/echo", new byte[300_000], chunked: true), ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, small.StatusCode);
        Assert.Equal("300000", await echoed.Content.ReadAsStringAsync(ct));
    }

    // An endpoint another part of the bot contributes, as the Discord adapter does: it reads its own body.
    private static void EchoEndpoint(IServiceCollection services) =>
        services.AddSingleton(new WebEndpoints("echo", (endpoints, _) => endpoints.MapPost("/echo", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            return body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        })));

    private static HttpRequestMessage Post(string path, byte[] body, bool chunked)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        // As curl does for large bodies: the server can refuse before the body is sent.
        request.Headers.ExpectContinue = true;
        request.Headers.TransferEncodingChunked = chunked;
        return request;
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), $"{what}: no Content-Security-Policy");
        Assert.StartsWith("default-src 'none'", Assert.Single(csp), StringComparison.Ordinal);
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff) && nosniff.Single() == "nosniff", $"{what}: no nosniff");
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "no-referrer", $"{what}: no Referrer-Policy");
    }
}
