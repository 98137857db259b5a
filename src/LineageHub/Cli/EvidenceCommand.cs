using System.CommandLine;
using System.Text;
using LineageHub.Core;
using LineageHub.Core.Evidence;
using LineageHub.Core.Evidence.Sampling;

namespace LineageHub.Cli;

/// <summary>
/// <c>lineagehub evidence verify FILE</c>: re-check a consent evidence bundle, or a sample cut from one,
/// offline and say what was checked; <c>evidence sample</c> cuts a spot-check sample from a bundle.
/// </summary>
public sealed partial class EvidenceCommand : ICliVerb
{
    public int Order => 56;

    public Command Build()
    {
        var evidence = new Command("evidence", "Check consent evidence bundles and samples offline, trusting nothing but the signing key.");
        evidence.Add(Verify());
        evidence.Add(Sample());
        return evidence;
    }

    private static Command Verify()
    {
        var file = new Argument<string>("file") { Description = "An evidence bundle written by consent prove, or a sample cut from one" };
        var key = PublicKeyOption();
        var sample = new Option<int?>("--sample") { Description = "With a bundle: also re-derive a reproducible random sample of N subjects and check each one's individual proof" };
        var challenge = ChallengeOption();
        var bundle = new Option<string?>("--bundle") { Description = "With a sample: the bundle it was cut from, to check too and to compare each sampled decision with its verdict" };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON" };
        var verify = new Command("verify", "Re-check every claim of a bundle: its byte form, the tree head's signature, each ledger entry's inclusion, the lineage, every subject set and consent batch, and the verdict; or of a sample: the same up to the lineage, its draw, and each sampled subject's proof. Exit code 1 when a check fails.")
        {
            file, key, sample, challenge, bundle, json,
        };
        verify.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var bytes = await ReadAsync(path, ct);
            var pem = parse.GetValue(key) is { } keyFile ? await File.ReadAllTextAsync(keyFile, ct) : null;
            var size = parse.GetValue(sample);
            var drawnWith = parse.GetValue(challenge);
            EvidenceReport report;
            if (IsSample(bytes))
            {
                if (size is not null)
                {
                    throw LineageHubException.InvalidInput($"{path} is a sample already; --sample re-derives one from a bundle");
                }
                var bundleBytes = parse.GetValue(bundle) is { } bundlePath ? await ReadAsync(bundlePath, ct) : null;
                report = await EvidenceSampleVerifier.VerifyAsync(bytes, pem, bundleBytes, drawnWith, ct);
            }
            else
            {
                if (parse.GetValue(bundle) is not null)
                {
                    throw LineageHubException.InvalidInput($"--bundle names the bundle a sample was cut from, but {path} is not a sample");
                }
                if (size is null && drawnWith is not null)
                {
                    throw LineageHubException.InvalidInput("--challenge draws a sample; with a bundle, give --sample N too");
                }
                report = size is { } n
                    ? (await EvidenceSampleVerifier.VerifyBundleSampleAsync(bytes, n, pem, drawnWith ?? "", ct)).Report
                    : await EvidenceVerifier.VerifyAsync(bytes, pem, ct);
            }
            Output.Print(parse.GetValue(json), report, r => Describe(r, path));
            return report.Valid ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return verify;
    }

    private static Option<string?> PublicKeyOption() =>
        new("--public-key") { Description = "The ledger's public key (PEM) you keep; without it the file's own key is used and its id printed to compare" };

    private static Option<string?> ChallengeOption() =>
        new("--challenge") { Description = "Text the verifier chose (up to 256 UTF-8 bytes), mixed into the sample's seed so that no one could know the sample in advance; when checking a sample, it must be the one drawn with" };

    private static string Describe(EvidenceReport report, string path) =>
        string.Join('\n', report.Checked.Select(c => $"ok   {c}").Append(report.Valid ? $"VALID: {path}" : $"FAIL {report.Failure}\nINVALID: {path}"));

    // A sample in its one byte form starts with its format member; anything else is read as a bundle, whose
    // own checks then say what is wrong with it.
    private static bool IsSample(byte[] bytes) =>
        bytes.AsSpan().StartsWith(Encoding.UTF8.GetBytes($"{{\n  \"format\": \"{EvidenceSample.Format}\""));

    private static async Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw LineageHubException.NotFound($"no file {path}");
        }
        if (info.Length > EvidenceBundleCodec.MaxBytes)
        {
            throw LineageHubException.InvalidInput($"{path} is {info.Length:N0} bytes; a bundle or sample is at most {EvidenceBundleCodec.MaxBytes:N0}");
        }
        return await File.ReadAllBytesAsync(path, cancellationToken);
    }
}
