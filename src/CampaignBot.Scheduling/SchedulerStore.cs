namespace CampaignBot.Scheduling;

/// <summary>Where Quartz keeps its jobs and triggers: the bot's own database. PostgreSQL runs clustered.</summary>
public sealed record SchedulerStore(bool Postgres, string ConnectionString);
