using System.CommandLine;
using LineageHub.Connectors.Consent;
using LineageHub.Connectors.Consent.Exports;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;

namespace LineageHub.Cli;

// consent declare: a contract or data-processing agreement covering a whole source system or dataset.
public sealed partial class ConsentCommands
{
    private static Command Declare()
    {
        var options = new StoreOptions();
        var source = new Option<string?>("--source") { Description = "The source system the basis covers" };
        var dataset = new Option<string?>("--dataset") { Description = "The dataset the basis covers, NAMESPACE/NAME" };
        var purpose = new Option<string>("--purpose") { Description = "The purpose it covers (compared exactly)", Required = true };
        var basis = new Option<string>("--basis") { Description = "contract, legal_obligation, vital_interests, public_task or legitimate_interests", Required = true };
        var evidence = new Option<string?>("--evidence") { Description = "The evidence document (its SHA-256 is recorded, not the file)" };
        var evidenceDigest = new Option<string?>("--evidence-digest") { Description = "The evidence document's SHA-256, when the file is elsewhere" };
        var from = new Option<string>("--valid-from") { Description = "When the basis starts, ISO 8601 with a zone", Required = true };
        var until = new Option<string?>("--valid-until") { Description = "When it ends (default: open-ended)" };
        var description = new Option<string?>("--description") { Description = "A note, e.g. the agreement's reference" };
        var command = new Command("declare", "Declare a non-consent lawful basis (a vendor's data-processing agreement, a contract) covering all data of a source system or dataset for one purpose.")
        {
            source, dataset, purpose, basis, evidence, evidenceDigest, from, until, description,
        };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if ((parse.GetValue(source) is null) == (parse.GetValue(dataset) is null))
            {
                throw LineageHubException.InvalidInput("give --source SYSTEM or --dataset NAMESPACE/NAME");
            }
            var target = parse.GetValue(source) is { } system ? new SourceSystemId(system).Key : DatasetKey(parse.GetValue(dataset)!);
            var lawfulBasis = Enum.GetValues<LawfulBasis>().FirstOrDefault(b => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(b.ToString()) == parse.GetValue(basis), LawfulBasis.Consent);
            if (lawfulBasis == LawfulBasis.Consent)
            {
                throw LineageHubException.InvalidInput($"--basis must be a non-consent basis (contract, legal_obligation, vital_interests, public_task, legitimate_interests), got '{parse.GetValue(basis)}'; consent is per subject and comes from consent import");
            }
            var digest = (parse.GetValue(evidence), parse.GetValue(evidenceDigest)) switch
            {
                ({ } file, null) => File.Exists(file) ? Digest.Of(await File.ReadAllBytesAsync(file, ct)) : throw LineageHubException.NotFound($"no evidence file {file}"),
                (null, { } hex) => Digest.TryParse(hex, out var d) ? d : throw LineageHubException.InvalidInput($"--evidence-digest must be 64 hex digits, got '{hex}'"),
                _ => throw LineageHubException.InvalidInput("give --evidence FILE or --evidence-digest HEX"),
            };
            var declaration = new BasisDeclaration(target.ToString(), parse.GetValue(purpose)!, lawfulBasis, digest,
                ZonedTime.Parse("--valid-from", parse.GetValue(from)!), parse.GetValue(until) is { } u ? ZonedTime.Parse("--valid-until", u) : null, parse.GetValue(description));
            await using var store = await ConsentStore.OpenAsync(options, parse, ct);
            var result = await ConsentRecorder.DeclareAsync(store.Lineage, declaration, ct);
            Output.Print(parse.GetValue(options.Json), new { id = declaration.Key.ToString(), changed = result.Changed, seq = result.Seq, message = result.ToString() }, _ => $"declaration {declaration.Key}\n            {result}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static NodeKey DatasetKey(string text)
    {
        var (ns, name) = DatasetName.Parse(text);
        return new DatasetId(ns, name).Key;
    }
}
