using Crawler.Pipeline.Sources;
using Quartz;

namespace Crawler.Worker.Scheduling;

/// <summary>Wires Quartz: one durable job per source, its cron or the season-aware default, state in SQLite.</summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>How often a clustered node checks in; one silent for three times this is taken as dead and its work recovered.</summary>
    public static readonly TimeSpan ClusterCheckin = TimeSpan.FromSeconds(5);

    /// <param name="schedulerDatabasePath">Quartz's own SQLite file (kept apart from state.db so the two never contend for its lock).</param>
    /// <param name="runNow">Also fire every source once right after start-up (the sample site, a first run).</param>
    /// <param name="clusteredConnectionString">
    /// <c>Scheduler__Clustered=true</c>: the PostgreSQL state database, where every node shares one clustered job store
    /// (the qrtz_* tables of the store's schema step 2). A fire time is then taken by one node only, a source's job
    /// (DisallowConcurrentExecution) never runs on two nodes at once, and a node that stops checking in has its work
    /// recovered by the others. Null: the node's own SQLite file.
    /// </param>
    /// <param name="clusterNode">
    /// The node's Quartz instance id in the cluster (its <c>Storage__NodeName</c>, unique among the nodes, as the per-node
    /// writer lock of the shared data folder makes sure): the qrtz_* rows then name the node, and a node restarted under
    /// its name recovers at once what it held when it died. Null: a generated id.
    /// </param>
    public static IServiceCollection AddCrawlScheduling(this IServiceCollection services, IReadOnlyList<Source> sources, string schedulerDatabasePath,
        bool runNow = false, string? clusteredConnectionString = null, string? clusterNode = null)
    {
        services.AddQuartz("crawler", quartz =>
        {
            // Persistent store: after a restart (or kill -9) Quartz knows which fire times were missed
            // and the misfire policy below runs each missed source once, not once per missed slot.
            if (clusteredConnectionString is not null)
            {
                // Each node its own instance id (its name, or a generated one); the scheduler name ("crawler") is what they share.
                quartz.ConfigureScheduler(o =>
                {
                    if (clusterNode is null) o.GenerateInstanceId = true;
                    else o.InstanceId = clusterNode;
                });
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(clusteredConnectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = ClusterCheckin;
                        c.CheckinMisfireThreshold = ClusterCheckin * 3;
                    });
                    store.UseSystemTextJsonSerializer();
                });
            }
            else
            {
                quartz.UsePersistentStore(store =>
                {
                    store.UseSqlite($"Data Source={schedulerDatabasePath};Default Timeout=30");
                    store.ProvisionSchema();
                    store.UseSystemTextJsonSerializer();
                });
            }
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
