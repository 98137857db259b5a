using LineageHub.Integrity;
using LineageHub.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace LineageHub.Api.Tests.Integrity;

public sealed class VerificationSettingsTests
{
    [Fact]
    public void TheConfigurationSection_Binds_NamespacesWithColonsIncluded()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Verification:AllowedRoots:0"] = "/data/lake",
            ["Verification:NamespaceSchedules:0:Namespace"] = "s3://lake",
            ["Verification:NamespaceSchedules:0:Cron"] = "0 0 */6 * * ?",
            ["Verification:MaxBytesPerSecond"] = "1048576",
        }).Build();

        var settings = configuration.GetSection(VerificationSettings.Section).Get<VerificationSettings>()!;

        Assert.Equal(["/data/lake"], settings.AllowedRoots);
        var schedule = Assert.Single(settings.NamespaceSchedules);
        Assert.Equal("s3://lake", schedule.Namespace);
        Assert.Equal("0 0 */6 * * ?", schedule.Cron);
        Assert.Equal(1048576, settings.MaxBytesPerSecond);
        Assert.Equal("0 15 * * * ?", settings.LedgerCron);
    }

    [Fact]
    public async Task ABadCronExpression_StopsTheStart_NamingTheJobAndTheExpression()
    {
        var directory = Directory.CreateTempSubdirectory("lineagehub-cron-").FullName;
        try
        {
            await using var store = SqliteLineageStore.Open(directory);
            using var runner = new VerificationRunner(store, new VerificationSettings { LedgerCron = "every tuesday" }, null, TimeProvider.System, alerts: null);
            await using var scheduler = new VerificationScheduler(runner, TimeProvider.System, NullLogger<VerificationScheduler>.Instance);

            var ex = await Assert.ThrowsAsync<Core.LineageHubException>(() => scheduler.StartAsync(CancellationToken.None));

            Assert.StartsWith("Verification: the cron expression of the ledger job, 'every tuesday', is not valid", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
