using CampaignBot.Core.Domain;

namespace CampaignBot.Core.Ports;

/// <summary>
/// Which events to list, ordered by start. Without <see cref="IncludePast"/>, only scheduled events
/// that start at or after <see cref="Now"/> or have started and not ended by then. <see cref="Since"/> leaves out events
/// that started before it.
/// </summary>
public sealed record EventQuery(DateTimeOffset Now, EventKind? Kind = null, bool IncludePast = false, int Limit = 25, DateTimeOffset? Since = null);
