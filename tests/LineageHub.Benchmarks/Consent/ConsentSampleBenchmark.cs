using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using LineageHub.Connectors.Consent;
using LineageHub.Core.Evidence;
using LineageHub.Core.Evidence.Sampling;
using LineageHub.Storage.Sqlite;
using LineageHub.Testing;
using LineageHub.Testing.Consent;

namespace LineageHub.Benchmarks.Consent;

/// <summary>
/// Spot-check samples (schema/consent.md, "Samples") of the bank scenario's v1 proof after the withdrawals:
/// cutting a sample from a bundle (verify the bundle, then prove each drawn subject), checking the sample on
/// its own, and its size. Anchor, measured in the same run on the same bundle: verifying the whole bundle,
/// which a sample's holder no longer needs. Options: --subjects N (1000000), --sample N (100), --runs N (3).
/// </summary>
public sealed class ConsentSampleBenchmark : IBenchmark
{
    public string Name => "consent-sample";

    public string Description => "samples of a 1M-subject consent proof: cut and check vs verifying the whole bundle; sample size vs bundle size";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var subjects = Option(args, "--subjects", 1_000_000);
        var size = Option(args, "--sample", 100);
        var runs = Option(args, "--runs", 3);
        var folder = Directory.CreateTempSubdirectory("lineagehub-bench-sample-").FullName;
        Console.WriteLine($"consent sample benchmark: {subjects:N0} subjects, samples of {size}, {runs} runs, medians, {Environment.ProcessorCount} cores");
        try
        {
            var pseudonymizer = new SubjectPseudonymizer(SubjectSecret.FromBytes(RandomNumberGenerator.GetBytes(32)));
            var clock = new ManualTimeProvider(ConsentScenario.T0);
            await using var bank = SqliteLineageStore.Open(Path.Combine(folder, "bank"), clock);
            var scenario = new ConsentScenario(subjects, Path.Combine(folder, "exports"), clock, pseudonymizer);
            await scenario.BuildV1Async(bank, bank);
            await scenario.RecordWithdrawalsAsync(bank, bank);
            var bundle = EvidenceBundleCodec.Encode(await ConsentProver.ProveAsync(bank, bank, scenario.ModelV1, ConsentScenario.Purpose, null, cancellationToken));

            var whole = new List<double>();
            var cut = new List<double>();
            var check = new List<double>();
            byte[] sample = [];
            for (var run = 0; run < runs; run++)
            {
                var watch = Stopwatch.StartNew();
                var report = await EvidenceVerifier.VerifyAsync(bundle, bank.SigningPublicKeyPem, cancellationToken);
                whole.Add(watch.Elapsed.TotalSeconds);
                Require(report);

                watch.Restart();
                var (cutReport, drawn) = await EvidenceSampleVerifier.VerifyBundleSampleAsync(bundle, size, bank.SigningPublicKeyPem, "", cancellationToken);
                sample = EvidenceSampleCodec.Encode(drawn!);
                cut.Add(watch.Elapsed.TotalSeconds);
                Require(cutReport);

                watch.Restart();
                Require(await EvidenceSampleVerifier.VerifyAsync(sample, bank.SigningPublicKeyPem, cancellationToken: cancellationToken));
                check.Add(watch.Elapsed.TotalSeconds);
            }
            Console.WriteLine(Row("anchor: verify the whole bundle", Stats.Median(whole), "s", $"({bundle.Length / 1e6:F1} MB)"));
            Console.WriteLine(Row($"ours: verify the bundle, cut a sample of {size}", Stats.Median(cut), "s", $"ratio ours/anchor {Stats.Median(cut) / Stats.Median(whole):F2}"));
            Console.WriteLine(Row("ours: check the sample on its own", Stats.Median(check) * 1000, "ms", $"ratio ours/anchor {Stats.Median(check) / Stats.Median(whole):F4}"));
            Console.WriteLine(Row("sample size", sample.Length / 1e3, "kB", $"({sample.Length / size:N0} bytes a subject; {(double)sample.Length / bundle.Length:P2} of the bundle)"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Require(EvidenceReport report)
    {
        if (!report.Valid)
        {
            throw new InvalidOperationException($"verification failed: {report.Failure}");
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Row(string what, double value, string unit, string note = "") =>
        string.Create(CultureInfo.InvariantCulture, $"  {what,-48} {value,12:N1} {unit,-5} {note}");
}
