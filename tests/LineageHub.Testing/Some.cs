using LineageHub.Core.Consent;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;
using LineageHub.Core.Subjects;

namespace LineageHub.Testing;

/// <summary>The one source of test data: realistic, distinct values on every call, never copy-pasted literals.</summary>
public static class Some
{
    private static int s_counter;

    private static int Next() => Interlocked.Increment(ref s_counter);

    public static Dataset Dataset(string? ns = null) => new(ns ?? "s3://warehouse", $"sales_{Next()}");

    public static DatasetVersion VersionOf(Dataset dataset, string? label = null) => new(
        dataset.Namespace, dataset.Name, Digest.Of(BitConverter.GetBytes(Next())), SnapshotMode.Table,
        LeafCount: 1000, ByteSize: 64_000, Format: "csv", StorageUri: $"file:///data/{dataset.Name}.csv", Label: label);

    public static Job Job(JobType type = JobType.Etl) => new("airflow://prod", $"job_{Next()}", type);

    public static Run RunOf(Job job) => new(Guid.NewGuid(), job.Namespace, job.Name, RunStatus.Completed,
        Parameters: new Dictionary<string, string> { ["learning_rate"] = "0.01", ["epochs"] = "10" });

    public static Model Model() => new($"credit_model_{Next()}");

    public static ModelVersion VersionOf(Model model, string version) =>
        new(model.Name, version, Metrics: new Dictionary<string, double> { ["accuracy"] = 0.91 });

    /// <summary>A pseudonym that sorts by <paramref name="order"/>, so a test can place subjects before, between and after others.</summary>
    public static SubjectPseudonym Subject(int order) => new((ulong)order << 32, 0x5EED_0000_0000_0000UL | (uint)order, 0, 0);

    /// <summary>A grant of credit scoring, on <paramref name="day"/> days after 2026-01-01; days tell a subject's records apart.</summary>
    public static ConsentRecord Consent(SubjectPseudonym subject, int day = 0) =>
        new(subject, "credit-scoring", LawfulBasis.Consent, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(day));

    /// <summary>A consent batch holding <c>Records</c> distinct records of each subject.</summary>
    public static ConsentRecordBatch ConsentBatch(params IEnumerable<(SubjectPseudonym Subject, int Records)> subjects) =>
        Core.Consent.ConsentRecordBatch.Of([.. subjects.SelectMany(s => Enumerable.Range(0, s.Records).Select(day => Consent(s.Subject, day)))]);

    /// <summary>
    /// A realistic lineage: two raw sources → an ETL run → a training set → a training run → a model version.
    /// </summary>
    public static LineageScenario Lineage()
    {
        var crm = Dataset("postgres://crm");
        var ledger = Dataset("postgres://core-banking");
        var features = Dataset("s3://features");
        var (crmV1, ledgerV1, featuresV1) = (VersionOf(crm), VersionOf(ledger), VersionOf(features));
        var etl = Job(JobType.Etl);
        var training = Job(JobType.Training);
        var etlRun = RunOf(etl);
        var trainRun = RunOf(training);
        var model = Model();
        var modelV1 = VersionOf(model, "1");
        var changes = ChangeSet.Builder("test")
            .Add(crm).Add(ledger).Add(features).Add(crmV1).Add(ledgerV1).Add(featuresV1)
            .Add(etl).Add(training).Add(etlRun).Add(trainRun).Add(model).Add(modelV1)
            .Link(EdgeKind.VersionOf, crmV1.Key, crm.Key)
            .Link(EdgeKind.VersionOf, ledgerV1.Key, ledger.Key)
            .Link(EdgeKind.VersionOf, featuresV1.Key, features.Key)
            .Link(EdgeKind.VersionOf, modelV1.Key, model.Key)
            .Link(EdgeKind.RunOf, etlRun.Key, etl.Key)
            .Link(EdgeKind.RunOf, trainRun.Key, training.Key)
            .Link(EdgeKind.Read, etlRun.Key, crmV1.Key)
            .Link(EdgeKind.Read, etlRun.Key, ledgerV1.Key)
            .Link(EdgeKind.Wrote, etlRun.Key, featuresV1.Key)
            .Link(EdgeKind.Read, trainRun.Key, featuresV1.Key, """{"role":"train"}"""u8)
            .Link(EdgeKind.Produced, trainRun.Key, modelV1.Key)
            .Build();
        return new LineageScenario(changes, crmV1, ledgerV1, featuresV1, etlRun, trainRun, modelV1);
    }
}
