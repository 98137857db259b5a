using System.CommandLine;
using System.Globalization;
using System.Text;
using LineageHub.Connectors.Consent.Exports;
using LineageHub.Core;
using LineageHub.Core.Consent;
using LineageHub.Core.Domain;
using LineageHub.Core.Evidence;
using LineageHub.Core.Evidence.Sampling;

namespace LineageHub.Cli;

// consent prove: the verdict for a model version and purpose, with the evidence bundle a regulator re-checks.
public sealed partial class ConsentCommands
{
    private static Command Prove()
    {
        var options = new StoreOptions();
        var model = new Argument<string>("model") { Description = "The model version, MODEL@VERSION" };
        var purpose = new Option<string>("--purpose") { Description = "The purpose to prove consent for (compared exactly)", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "Judge on the ledger as it was at this time (ISO 8601 with a zone; default: now)" };
        var output = new Option<string>("--out") { Description = "Where to write the evidence bundle (JSON)", Required = true };
        var html = new Option<string?>("--html") { Description = "Also write a human-readable HTML report of the bundle" };
        var sample = new Option<int?>("--sample") { Description = "Also cut a reproducible random sample of N subjects with individual proofs from the bundle (needs --sample-out)" };
        var sampleOut = new Option<string?>("--sample-out") { Description = "Where to write the sample (JSON), a small file checked on its own with evidence verify" };
        var challenge = new Option<string?>("--challenge") { Description = "Text the verifier chose, mixed into the sample's seed (default: none)" };
        var command = new Command("prove", "Prove that a model version was trained only on data whose subjects had a valid basis for the purpose when the training run read it; writes an evidence bundle. Exit code 1 when it fails or cannot be proven.")
        {
            model, purpose, asOf, output, html, sample, sampleOut, challenge,
        };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(model)!;
            var at = text.LastIndexOf('@');
            if (at <= 0 || at == text.Length - 1)
            {
                throw LineageHubException.InvalidInput($"the model version is MODEL@VERSION, got '{text}'");
            }
            var key = new ModelVersion(text[..at], text[(at + 1)..]).Key;
            var time = parse.GetValue(asOf) is { } t ? ZonedTime.Parse("--as-of", t) : (DateTimeOffset?)null;
            var sampling = SampleRequest(parse.GetValue(sample), parse.GetValue(sampleOut), parse.GetValue(challenge));
            await using var store = await ConsentStore.OpenAsync(options, parse, ct);
            var bundle = await ConsentProver.ProveAsync(store.Lineage, store.Evidence, key, parse.GetValue(purpose)!, time, ct);
            var path = parse.GetValue(output)!;
            long length;
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                length = EvidenceBundleCodec.WriteTo(bundle, file);
            }
            if (parse.GetValue(html) is { } report)
            {
                await File.WriteAllTextAsync(report, ConsentReportHtml.Render(bundle), ct);
            }
            var written = "";
            if (sampling is var (size, samplePath, drawnWith))
            {
                var cut = await EvidenceSampler.CutAsync(bundle, size, drawnWith, ct);
                await File.WriteAllBytesAsync(samplePath, EvidenceSampleCodec.Encode(cut), ct);
                written = "\n" + EvidenceCommand.Written(cut, samplePath);
            }
            Output.Print(parse.GetValue(options.Json), bundle.Verdict, v => Describe(v, path, length) + written);
            return bundle.Verdict.Outcome == ConsentVerdict.Pass ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }

    // Checked before the proof runs, so a bad sample request fails at once, not after the proof.
    private static (int Size, string Path, string Challenge)? SampleRequest(int? size, string? path, string? challenge)
    {
        if (size is null)
        {
            return path is null && challenge is null ? null : throw LineageHubException.InvalidInput("--sample-out and --challenge go with --sample N");
        }
        if (path is null)
        {
            throw LineageHubException.InvalidInput("--sample N needs --sample-out FILE, where the sample is written");
        }
        return (SampleDerivation.CheckSize(size.Value), path, SampleDerivation.CheckChallenge(challenge ?? ""));
    }

    internal static string Describe(ConsentVerdict verdict, string? path, long size)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{verdict.Outcome.ToUpperInvariant()}: {verdict.ModelVersion} for purpose '{verdict.Purpose}'");
        text.Append(CultureInfo.InvariantCulture, $", judged at {(verdict.DecisionTime is { } t ? t.ToString("u", CultureInfo.InvariantCulture) : "an unknown time")}\n");
        text.Append(CultureInfo.InvariantCulture, $"subjects {verdict.SubjectsChecked:N0} checked, {verdict.Violations.Count:N0} violations\n");
        foreach (var source in verdict.Sources)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {source.Source ?? "(no source)",-20} {source.Basis,-16} {source.Subjects,10:N0} subjects  {source.Covered,10:N0} covered  none {source.None:N0}, expired {source.Expired:N0}, withdrawn {source.Withdrawn:N0}, wrong purpose {source.WrongPurpose:N0}\n");
        }
        foreach (var problem in verdict.Problems)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {problem}\n");
        }
        if (path is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"bundle   {path} ({size:N0} bytes); check it with: lineagehub evidence verify {path}");
        }
        return text.ToString().TrimEnd('\n');
    }
}
