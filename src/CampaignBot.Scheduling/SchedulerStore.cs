using System.Data.Common;

namespace CampaignBot.Scheduling;

/// <summary>
/// Where Quartz keeps its jobs and triggers: the bot's own database, reached through its driver's factory (so no
/// driver type is looked up by name). PostgreSQL runs clustered.
/// </summary>
public sealed record SchedulerStore(bool Postgres, DbProviderFactory Driver, string ConnectionString);
