using Crawler.Pipeline.Sources;
using Quartz;

namespace Crawler.Worker.Scheduling;

/// <summary>Wires Quartz: one durable job per source, its cron or the season-aware default, state in SQLite.</summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <param name="schedulerDatabasePath">Quartz's own SQLite file (kept apart from state.db so the two never contend for its lock).</param>
    /// <param name="runNow">Also fire every source once right after start-up (the sample site, a first run).</param>
    public static IServiceCollection AddCrawlScheduling(this IServiceCollection services, IReadOnlyList<Source> sources, string schedulerDatabasePath,
        bool runNow = false)
    {
        services.AddQuartz("crawler", quartz =>
        {
            // Persistent store: after a restart (or kill -9) Quartz knows which fire times were missed
            // and the misfire policy below runs each missed source once, not once per missed slot.
            quartz.UsePersistentStore(store =>
            {
                store.UseSqlite($"Data Source={schedulerDatabasePath};Default Timeout=30");
                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer();
            });
            foreach (var source in sources)
            {
                var job = new JobKey(source.Id, "crawl");
                quartz.AddJob<CrawlSourceJob>(j => j.WithIdentity(job).StoreDurably().UsingJobData(CrawlSourceJob.SourceIdKey, source.Id)
                    .WithDescription(source.Agency));
                if (runNow) quartz.AddTrigger(t => t.ForJob(job).WithIdentity($"{source.Id}-now", "crawl").StartNow());
                var crons = SourceSchedule.CronsOf(source);
                for (var i = 0; i < crons.Count; i++)
                {
                    var cron = crons[i];
                    quartz.AddTrigger(t => t.ForJob(job).WithIdentity($"{source.Id}-{i}", "crawl")
                        .WithCronSchedule(cron, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed).InTimeZone(SourceSchedule.ChinaStandardTime)));
                }
            }
            quartz.AddJob<MaintenanceJob>(j => j.WithIdentity(MaintenanceJob.Key).StoreDurably());
            quartz.AddTrigger(t => t.ForJob(MaintenanceJob.Key).WithIdentity("maintenance-daily", "crawler")
                .WithCronSchedule("0 30 9 * * ?", c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed).InTimeZone(SourceSchedule.ChinaStandardTime)));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
