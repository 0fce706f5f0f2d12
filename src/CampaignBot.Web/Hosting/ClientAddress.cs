using System.Net;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Web.Hosting;

/// <summary>Where a request comes from, after a reverse proxy on this machine has said whom it forwards for.</summary>
internal static class ClientAddress
{
    /// <summary>A client on this machine: the operator's tools, a health check in the container, a proxy that didn't say.</summary>
    public static bool IsLocal(HttpContext context) =>
        context.Connection.RemoteIpAddress is not { } address || IPAddress.IsLoopback(address);
}
