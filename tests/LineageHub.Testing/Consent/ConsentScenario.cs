using System.Security.Cryptography;
using System.Text;
using LineageHub.Connectors.Consent;
using LineageHub.Core.Consent;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;
using LineageHub.Core.Storage;
using LineageHub.Core.Subjects;

namespace LineageHub.Testing.Consent;

/// <summary>
/// The bank of issue 8, at any scale: five internal sources and two vendors (covered by data-processing
/// agreements), a consent export, an ETL run joining them, a training run and credit-model v1; then a
/// second export with withdrawals, retraining without the withdrawn subjects, and v2. Which subject gets
/// which records follows from its number (see <see cref="Kind"/>), so tests know every expected violation.
/// </summary>
public sealed class ConsentScenario(int subjects, string folder, ManualTimeProvider clock, SubjectPseudonymizer pseudonymizer)
{
    public const string Purpose = "credit-scoring";
    public const string OtherPurpose = "marketing";
    public const string ConsentSystem = "consent-hub";

    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<string> Internal = ["core-banking", "cards", "loans", "crm", "payments"];

    public static readonly IReadOnlyList<string> Vendors = ["credit-bureau", "fraud-vendor"];

    public static IReadOnlySet<string> Purposes { get; } = new HashSet<string>([Purpose, OtherPurpose], StringComparer.Ordinal);

    public int Subjects => subjects;

    public NodeKey ModelV1 { get; } = new ModelVersion("credit-model", "v1").Key;

    public NodeKey ModelV2 { get; } = new ModelVersion("credit-model", "v2").Key;

    public string FirstExport => Path.Combine(folder, "consents-2026-01-02.csv");

    public string SecondExport => Path.Combine(folder, "consents-2026-01-21.csv");

    /// <summary>What the exports say about subject <paramref name="i"/>, by <c>i % 100</c>.</summary>
    public static string Kind(int i) => (i % 100) switch
    {
        7 => "no records",
        13 => "marketing only",
        21 => "expired before training",
        42 => "withdrawn before training",
        55 => "withdrawn after v1 was trained (second export)",
        66 => "withdrawn before v1 was trained, recorded after (second export)",
        77 => "expired, then renewed before training",
        88 => "credit scoring and marketing",
        _ => "granted",
    };

    public static string RawId(int i) => $"cust-{i:D7}";

    public SubjectPseudonym Pseudonym(int i) => pseudonymizer.Pseudonymize(RawId(i));

    public static int InternalSourceOf(int i) => i % Internal.Count;

    /// <summary>Subjects retraining leaves out: every v1 violation and every withdrawal.</summary>
    public static bool LeftOutOfV2(int i) => (i % 100) is 7 or 13 or 21 or 42 or 55 or 66;

    /// <summary>The violations of v1: all of them as of after the second export, those known before it otherwise.</summary>
    public IReadOnlySet<(string Subject, string Source, ViolationReason Reason)> ExpectedV1Violations(bool afterSecondExport)
    {
        var expected = new HashSet<(string, string, ViolationReason)>();
        for (var i = 0; i < subjects; i++)
        {
            ViolationReason? reason = (i % 100) switch
            {
                7 => ViolationReason.None,
                13 => ViolationReason.WrongPurpose,
                21 => ViolationReason.Expired,
                42 => ViolationReason.Withdrawn,
                66 when afterSecondExport => ViolationReason.Withdrawn,
                _ => null,
            };
            if (reason is { } r)
            {
                expected.Add((Pseudonym(i).ToString(), Internal[InternalSourceOf(i)], r));
            }
        }
        return expected;
    }

    public DatasetVersion SourceVersion(string source, int version) => new("bank", source, Digest.Of(Encoding.UTF8.GetBytes($"{source}|v{version}")), SnapshotMode.Table, 0, 0, "csv", Label: $"v{version}");

    /// <summary>Writes both exports (the clock is not moved); used on their own by the import benchmark.</summary>
    public void WriteExports()
    {
        Directory.CreateDirectory(folder);
        var first = new StringBuilder("subject_id,purpose,lawful_basis,granted_at,expires_at,withdrawn_at\n");
        var second = new StringBuilder("subject_id,purpose,lawful_basis,granted_at,expires_at,withdrawn_at\n");
        string At(int days) => T0.AddDays(days).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < subjects; i++)
        {
            var id = RawId(i);
            switch (i % 100)
            {
                case 7:
                    break;
                case 13:
                    first.Append(CultureInfo($"{id},{OtherPurpose},consent,{At(-30)},,\n"));
                    break;
                case 21:
                    first.Append(CultureInfo($"{id},{Purpose},consent,{At(-30)},{At(5)},\n"));
                    break;
                case 42:
                    first.Append(CultureInfo($"{id},{Purpose},consent,{At(-30)},,{At(3)}\n"));
                    break;
                case 55:
                    first.Append(CultureInfo($"{id},{Purpose},consent,{At(-30)},,\n"));
                    second.Append(CultureInfo($"{id},{Purpose},consent,{At(-30)},,{At(15)}\n"));
                    break;
                case 66:
                    first.Append(CultureInfo($"{id},{Purpose},consent,{At(-30)},,\n"));
                    second.Append(CultureInfo($"{id},{Purpose},consent,{At(-30)},,{At(9)}\n"));
                    break;
                case 77:
                    first.Append(CultureInfo($"{id},{Purpose},consent,{At(-60)},{At(-1)},\n"));
                    first.Append(CultureInfo($"{id},{Purpose},consent,{At(-1)},{At(300)},\n"));
                    break;
                case 88:
                    first.Append(CultureInfo($"{id},{Purpose},consent,{At(-30)},,\n"));
                    first.Append(CultureInfo($"{id},{OtherPurpose},consent,{At(-30)},,\n"));
                    break;
                default:
                    first.Append(CultureInfo($"{id},{Purpose},consent,{At(-30)},,\n"));
                    break;
            }
        }
        File.WriteAllText(FirstExport, first.ToString());
        File.WriteAllText(SecondExport, second.ToString());
    }

    /// <summary>Sources, vendor agreements and the first export at T0..T0+1d; ETL at T0+8d; training and v1 at T0+10d.</summary>
    public async Task BuildV1Async(ILineageStore store, IConsentEvidenceStore evidence)
    {
        WriteExports();
        await RegisterSourcesAsync(store, evidence, 1, _ => true);
        foreach (var vendor in Vendors)
        {
            await ConsentRecorder.DeclareAsync(store, new BasisDeclaration(new SourceSystemId(vendor).Key.ToString(), Purpose, LawfulBasis.Contract,
                Digest.Of(Encoding.UTF8.GetBytes($"{vendor} data processing agreement")), T0.AddDays(-365), T0.AddDays(365), $"{vendor} DPA"));
        }
        clock.Advance(TimeSpan.FromDays(1));
        await ImportAsync(store, evidence, FirstExport);
        await TrainAsync(store, 1, etlDay: 8, trainDay: 10);
    }

    /// <summary>The second export (withdrawals) at T0+20d.</summary>
    public async Task RecordWithdrawalsAsync(ILineageStore store, IConsentEvidenceStore evidence)
    {
        clock.Advance(T0.AddDays(20) - clock.GetUtcNow());
        await ImportAsync(store, evidence, SecondExport);
    }

    /// <summary>New internal versions without the left-out subjects at T0+25d, ETL then, training and v2 at T0+26d.</summary>
    public async Task BuildV2Async(ILineageStore store, IConsentEvidenceStore evidence)
    {
        clock.Advance(T0.AddDays(25) - clock.GetUtcNow());
        await RegisterSourcesAsync(store, evidence, 2, i => !LeftOutOfV2(i));
        await TrainAsync(store, 2, etlDay: 25, trainDay: 26);
    }

    public async Task<AppendResult> ImportAsync(ILineageStore store, IConsentEvidenceStore evidence, string path)
    {
        var import = ConsentImporter.Read(new ConsentImportRequest(path, ConsentSystem, Purposes), pseudonymizer);
        return await ConsentRecorder.RecordAsync(store, evidence, import);
    }

    private async Task RegisterSourcesAsync(ILineageStore store, IConsentEvidenceStore evidence, int version, Func<int, bool> keep)
    {
        var members = Internal.Concat(Vendors).ToDictionary(s => s, _ => new List<SubjectPseudonym>());
        for (var i = 0; i < subjects; i++)
        {
            var pseudonym = Pseudonym(i);
            if (keep(i))
            {
                members[Internal[InternalSourceOf(i)]].Add(pseudonym);
            }
            if (i % 10 == 0)
            {
                members[Vendors[0]].Add(pseudonym);
            }
            if (i % 20 == 1)
            {
                members[Vendors[1]].Add(pseudonym);
            }
        }
        foreach (var (source, pseudonyms) in members)
        {
            // Vendor data does not change between the trainings: v2 reads their v1 versions.
            var isVendor = Vendors.Contains(source);
            var set = SubjectSet.Of(pseudonyms);
            var dataset = new Dataset("bank", source);
            var system = new SourceSystem(source, isVendor ? SourceSystemKind.Vendor : SourceSystemKind.Internal);
            var dv = SourceVersion(source, isVendor ? 1 : version) with { Subjects = new SubjectSetRef(["customer_id"], set.Count, set.Root) };
            var changes = ChangeSet.Builder("scenario").Add(dataset).Add(system).Add(dv)
                .Link(EdgeKind.VersionOf, dv.Key, dataset.Key)
                .Link(EdgeKind.SuppliedBy, dv.Key, system.Key)
                .Build();
            await evidence.AppendWithEvidenceAsync(changes, new ConsentEvidence([set], []));
        }
    }

    private async Task TrainAsync(ILineageStore store, int version, int etlDay, int trainDay)
    {
        var etlJob = new Job("bank", "build-features", JobType.Etl);
        var trainJob = new Job("bank", "train-credit-model", JobType.Training, Purpose);
        var model = new Model("credit-model", "Retail credit scoring", Purpose);
        var features = new DatasetVersion("bank", "features", Digest.Of(Encoding.UTF8.GetBytes($"features|v{version}")), SnapshotMode.Table, 0, 0, "parquet", Label: $"v{version}");
        var featuresDataset = new Dataset("bank", "features");
        clock.Advance(T0.AddDays(etlDay) - clock.GetUtcNow());
        var etl = new Run(RunGuid($"etl-{version}"), etlJob.Namespace, etlJob.Name, RunStatus.Completed, T0.AddDays(etlDay), T0.AddDays(etlDay).AddHours(2));
        var builder = ChangeSet.Builder("scenario").Add(etlJob).Add(featuresDataset).Add(features).Add(etl)
            .Link(EdgeKind.VersionOf, features.Key, featuresDataset.Key)
            .Link(EdgeKind.RunOf, etl.Key, etlJob.Key)
            .Link(EdgeKind.Wrote, etl.Key, features.Key);
        foreach (var source in Internal)
        {
            builder.Link(EdgeKind.Read, etl.Key, SourceVersion(source, version).Key);
        }
        foreach (var vendor in Vendors)
        {
            builder.Link(EdgeKind.Read, etl.Key, SourceVersion(vendor, 1).Key);
        }
        await store.AppendAsync(builder.Build());

        clock.Advance(T0.AddDays(trainDay) - clock.GetUtcNow());
        var train = new Run(RunGuid($"train-{version}"), trainJob.Namespace, trainJob.Name, RunStatus.Completed, T0.AddDays(trainDay), T0.AddDays(trainDay).AddHours(5));
        var modelVersion = new ModelVersion("credit-model", $"v{version}");
        await store.AppendAsync(ChangeSet.Builder("scenario").Add(trainJob).Add(model).Add(modelVersion).Add(train)
            .Link(EdgeKind.RunOf, train.Key, trainJob.Key)
            .Link(EdgeKind.Read, train.Key, features.Key)
            .Link(EdgeKind.Produced, train.Key, modelVersion.Key)
            .Link(EdgeKind.VersionOf, modelVersion.Key, model.Key)
            .Build());
    }

    private static Guid RunGuid(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));

    private static string CultureInfo(FormattableString text) => FormattableString.Invariant(text);
}
