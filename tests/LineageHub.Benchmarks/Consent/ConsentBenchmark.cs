using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using LineageHub.Connectors.Consent;
using LineageHub.Core.Evidence;
using LineageHub.Storage.Sqlite;
using LineageHub.Testing;
using LineageHub.Testing.Consent;

namespace LineageHub.Benchmarks.Consent;

/// <summary>
/// Consent provenance (issue 8) on the bank scenario with 1,000,000 subjects: import rate of the first
/// consent export, proof time and bundle size for model v1 after the withdrawals, and offline verification
/// time. Anchors, measured in the same run on the same data: SQLite bulk-inserting the same records into a
/// plain indexed table (the floor for keeping records queryable), SQLite answering the same
/// join-and-check in SQL (what a proof without evidence costs), and one SHA-256 pass over the bundle (the
/// floor for any verifier that re-hashes its evidence). Options: --subjects N (1000000), --runs N (3).
/// </summary>
public sealed partial class ConsentBenchmark : IBenchmark
{
    public string Name => "consent";

    public string Description => "1M-subject consent proof: import rate vs SQLite bulk insert; proof vs SQLite join-and-check; verify vs SHA-256 over the bundle";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var subjects = Option(args, "--subjects", 1_000_000);
        var runs = Option(args, "--runs", 3);
        var folder = Directory.CreateTempSubdirectory("lineagehub-bench-consent-").FullName;
        Console.WriteLine($"consent benchmark: {subjects:N0} subjects, {runs} runs, medians, {Environment.ProcessorCount} cores, data in a temp folder");
        try
        {
            var pseudonymizer = new SubjectPseudonymizer(SubjectSecret.FromBytes(RandomNumberGenerator.GetBytes(32)));
            var exports = new ConsentScenario(subjects, Path.Combine(folder, "exports"), new ManualTimeProvider(ConsentScenario.T0), pseudonymizer);
            exports.WriteExports();
            var rows = File.ReadLines(exports.FirstExport).LongCount() - 1;

            var import = new List<double>();
            var anchorInsert = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var clock = new ManualTimeProvider(ConsentScenario.T0);
                await using var store = SqliteLineageStore.Open(Path.Combine(folder, $"import-{run}"), clock);
                var scenario = new ConsentScenario(subjects, Path.Combine(folder, "exports"), clock, pseudonymizer);
                var watch = Stopwatch.StartNew();
                await scenario.ImportAsync(store, store, exports.FirstExport);
                import.Add(watch.Elapsed.TotalSeconds);
                anchorInsert.Add(SqliteAnchor.BulkInsert(Path.Combine(folder, $"anchor-{run}.db"), exports.FirstExport, pseudonymizer));
            }
            Console.WriteLine("import of the first export (parse, pseudonymise, sort, Merkle root, ledger fact, records table), all-or-nothing, fsync'd");
            Console.WriteLine(Row("ours: consent import", rows / Stats.Median(import), "rec/s", $"({rows:N0} records in {Stats.Median(import):F2} s; target >= 200,000)"));
            Console.WriteLine(Row("anchor: SQLite bulk insert, same rows", rows / Stats.Median(anchorInsert), "rec/s", $"ratio ours/anchor {Stats.Median(anchorInsert) / Stats.Median(import):F2}"));

            var time = new ManualTimeProvider(ConsentScenario.T0);
            await using var bank = SqliteLineageStore.Open(Path.Combine(folder, "bank"), time);
            var bankScenario = new ConsentScenario(subjects, Path.Combine(folder, "exports"), time, pseudonymizer);
            var build = Stopwatch.StartNew();
            await bankScenario.BuildV1Async(bank, bank);
            await bankScenario.RecordWithdrawalsAsync(bank, bank);
            await bankScenario.BuildV2Async(bank, bank);
            Console.WriteLine($"scenario built in {build.Elapsed.TotalSeconds:F1} s (7 sources x 2 versions, 2 exports, 2 ETL and 2 training runs)");

            var prove = new List<double>();
            var verify = new List<double>();
            var hash = new List<double>();
            var joinAndCheck = new List<double>();
            byte[] bytes = [];
            EvidenceReport? report = null;
            var bundlePath = Path.Combine(folder, "bundle.json");
            for (var run = 0; run < runs; run++)
            {
                var watch = Stopwatch.StartNew();
                var bundle = await ConsentProver.ProveAsync(bank, bank, bankScenario.ModelV1, ConsentScenario.Purpose, null, cancellationToken);
                await using (var file = new FileStream(bundlePath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
                {
                    EvidenceBundleCodec.WriteTo(bundle, file);
                }
                prove.Add(watch.Elapsed.TotalSeconds);

                watch.Restart();
                bytes = await File.ReadAllBytesAsync(bundlePath, cancellationToken);
                report = await EvidenceVerifier.VerifyAsync(bytes, bank.SigningPublicKeyPem, cancellationToken);
                verify.Add(watch.Elapsed.TotalSeconds);
                if (!report.Valid)
                {
                    throw new InvalidOperationException($"the bundle did not verify: {report.Failure}");
                }

                watch.Restart();
                SHA256.HashData(bytes);
                hash.Add(watch.Elapsed.TotalSeconds);
            }
            using (var anchor = SqliteAnchor.Load(Path.Combine(folder, "join.db"), bank, bankScenario))
            {
                for (var run = 0; run < runs; run++)
                {
                    var (seconds, violations) = anchor.JoinAndCheck(ConsentScenario.T0.AddDays(10));
                    joinAndCheck.Add(seconds);
                    if (violations != report!.Verdict!.Violations.Count)
                    {
                        throw new InvalidOperationException($"the SQL anchor found {violations} violations, the proof {report.Verdict.Violations.Count}: they do not answer the same question");
                    }
                }
            }
            Console.WriteLine($"proof of credit-model v1 after the withdrawals: {report!.Verdict!.Outcome}, {report.Verdict.SubjectsChecked:N0} subjects checked, {report.Verdict.Violations.Count:N0} violations");
            Console.WriteLine(Row("ours: prove and write the bundle", Stats.Median(prove), "s", "(target <= 3 s)"));
            Console.WriteLine(Row("anchor: SQLite join-and-check, same data", Stats.Median(joinAndCheck), "s", $"ratio ours/anchor {Stats.Median(prove) / Stats.Median(joinAndCheck):F2} (no evidence, no proofs)"));
            Console.WriteLine(Row("bundle size", bytes.Length / 1e6, "MB", $"({bytes.Length:N0} bytes)"));
            Console.WriteLine(Row("ours: read and verify the bundle offline", Stats.Median(verify), "s", "(target <= 3 s)"));
            Console.WriteLine(Row("anchor: one SHA-256 pass over the bundle", Stats.Median(hash), "s", $"ratio ours/anchor {Stats.Median(verify) / Stats.Median(hash):F1}"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Row(string what, double value, string unit, string note = "") =>
        string.Create(CultureInfo.InvariantCulture, $"  {what,-44} {value,12:N1} {unit,-5} {note}");
}
