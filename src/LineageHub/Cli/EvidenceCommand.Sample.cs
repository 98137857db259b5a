using System.CommandLine;
using System.Globalization;
using LineageHub.Core.Evidence.Sampling;

namespace LineageHub.Cli;

// evidence sample: cut a standalone spot-check sample from a bundle, offline, after verifying the bundle.
public sealed partial class EvidenceCommand
{
    private static Command Sample()
    {
        var file = new Argument<string>("bundle") { Description = "An evidence bundle written by consent prove" };
        var size = new Option<int>("--sample") { Description = string.Create(CultureInfo.InvariantCulture, $"How many subjects to sample (1 to {EvidenceSample.MaxSubjects:N0}; more than there are takes all)"), Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the sample (JSON)", Required = true };
        var challenge = ChallengeOption();
        var key = PublicKeyOption();
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON" };
        var command = new Command("sample", "Verify a bundle, then write a reproducible random sample of its subjects with individual proofs: a small file a regulator checks on its own with evidence verify. Exit code 1 when the bundle fails verification.")
        {
            file, size, output, challenge, key, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var bytes = await ReadAsync(path, ct);
            var pem = parse.GetValue(key) is { } keyFile ? await File.ReadAllTextAsync(keyFile, ct) : null;
            var (report, sample) = await EvidenceSampleVerifier.VerifyBundleSampleAsync(bytes, parse.GetValue(size), pem, parse.GetValue(challenge) ?? "", ct);
            var target = parse.GetValue(output)!;
            if (report.Valid && sample is not null)
            {
                await File.WriteAllBytesAsync(target, EvidenceSampleCodec.Encode(sample), ct);
            }
            Output.Print(parse.GetValue(json), report, r => report.Valid
                ? Describe(r, path) + "\n" + Written(sample!, target)
                : Describe(r, path) + "\nno sample written");
            return report.Valid ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }

    internal static string Written(EvidenceSample sample, string path) => string.Create(CultureInfo.InvariantCulture,
        $"sample   {path} ({sample.Subjects.Count:N0} of {sample.Draw.PopulationSize:N0} subjects, {new FileInfo(path).Length:N0} bytes); check it with: lineagehub evidence verify {path}")
        + (sample.Draw.Requested > sample.Subjects.Count ? $"\n         {SampleMessages.TookAll(sample.Draw.Requested, sample.Draw.PopulationSize)}" : "");
}
