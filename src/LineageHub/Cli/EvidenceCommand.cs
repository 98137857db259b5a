using System.CommandLine;
using LineageHub.Core;
using LineageHub.Core.Evidence;

namespace LineageHub.Cli;

/// <summary><c>lineagehub evidence verify BUNDLE</c>: re-check a consent evidence bundle offline and say what was checked.</summary>
public sealed class EvidenceCommand : ICliVerb
{
    public int Order => 56;

    public Command Build()
    {
        var evidence = new Command("evidence", "Check consent evidence bundles offline, trusting nothing but the signing key.");
        var bundle = new Argument<string>("bundle") { Description = "An evidence bundle written by consent prove" };
        var key = new Option<string?>("--public-key") { Description = "The ledger's public key (PEM) you keep; without it the bundle's own key is used and its id printed to compare" };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON" };
        var verify = new Command("verify", "Re-check every claim of a bundle: its byte form, the tree head's signature, each ledger entry's inclusion, the lineage, every subject set and consent batch, and the verdict. Exit code 1 when a check fails.")
        {
            bundle, key, json,
        };
        verify.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(bundle)!;
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw LineageHubException.NotFound($"no bundle {path}");
            }
            if (info.Length > EvidenceBundleCodec.MaxBytes)
            {
                throw LineageHubException.InvalidInput($"{path} is {info.Length:N0} bytes; a bundle is at most {EvidenceBundleCodec.MaxBytes:N0}");
            }
            var pem = parse.GetValue(key) is { } keyFile ? await File.ReadAllTextAsync(keyFile, ct) : null;
            var report = await EvidenceVerifier.VerifyAsync(await File.ReadAllBytesAsync(path, ct), pem, ct);
            Output.Print(parse.GetValue(json), report, r =>
                string.Join('\n', r.Checked.Select(c => $"ok   {c}").Append(r.Valid ? $"VALID: {path}" : $"FAIL {r.Failure}\nINVALID: {path}")));
            return report.Valid ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        evidence.Add(verify);
        return evidence;
    }
}
