using System.CommandLine;
using System.Globalization;
using LineageHub.Connectors.Consent;
using LineageHub.Connectors.Consent.Exports;
using LineageHub.Core;
using LineageHub.Core.Subjects;

namespace LineageHub.Cli;

/// <summary>
/// <c>lineagehub consent import|declare|prove|impact</c>: capture consent evidence and prove, for a model
/// version and a purpose, that every subject of its source data had a valid basis (schema/consent.md).
/// </summary>
public sealed partial class ConsentCommands : ICliVerb
{
    public int Order => 55;

    public Command Build()
    {
        var consent = new Command("consent", "Import consent records, declare contract bases, prove a model version's consent for a purpose, and find where a subject's data went.");
        consent.Add(Import());
        consent.Add(Declare());
        consent.Add(Prove());
        consent.Add(Impact());
        return consent;
    }

    internal static Option<string?> SecretFileOption() =>
        new("--subject-secret-file") { Description = $"The file holding the pseudonymisation secret (default: ${SubjectSecret.Variable}, else ${SubjectSecret.FileVariable})" };

    private static Command Import()
    {
        var options = new StoreOptions();
        var file = new Argument<string>("file") { Description = "A CSV or JSON Lines export of a consent-management system" };
        var source = new Option<string>("--source") { Description = "The source system the export came from", Required = true };
        var format = new Option<string?>("--format") { Description = "csv or jsonl (default: from the extension)" };
        var delimiter = new Option<string?>("--delimiter") { Description = "The CSV field delimiter (default ','; '\\t' for tab)" };
        var map = new Option<string[]>("--map") { Description = $"FIELD=COLUMN, repeatable; fields: {string.Join(", ", ConsentFields.All)}", AllowMultipleArgumentsPerToken = false };
        var allow = new Option<string[]>("--allow-purpose") { Description = "A purpose records may name besides those jobs, models and declarations declare; repeatable" };
        var secret = SecretFileOption();
        var command = new Command("import", "Import a consent export as one consent batch: all rows or none; re-importing the same export changes nothing.")
        {
            file, source, format, delimiter, map, allow, secret,
        };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var pseudonymizer = new SubjectPseudonymizer(SubjectSecret.Load(parse.GetValue(secret)));
            await using var store = await ConsentStore.OpenAsync(options, parse, ct);
            var purposes = await store.DeclaredPurposesAsync(ct);
            purposes.UnionWith(parse.GetValue(allow) ?? []);
            var known = new HashSet<SubjectPseudonym>();
            await foreach (var (_, set) in store.SubjectSetsAsync(ct))
            {
                foreach (var member in set.Members)
                {
                    known.Add(member);
                }
            }
            var path = parse.GetValue(file)!;
            var request = new ConsentImportRequest(path, parse.GetValue(source)!, purposes)
            {
                Format = ExportFormats.Parse(parse.GetValue(format), path),
                Delimiter = Delimiter(parse.GetValue(delimiter)),
                Mapping = Mapping(parse.GetValue(map) ?? []),
                KnownSubject = known.Count == 0 ? null : known.Contains,
            };
            var import = ConsentImporter.Read(request, pseudonymizer);
            var result = await ConsentRecorder.RecordAsync(store.Lineage, store.Evidence, import, ct);
            foreach (var warning in import.Warnings)
            {
                Console.Error.WriteLine($"warning: {warning}");
            }
            var summary = new ConsentImportJson(import.Fact.Key.ToString(), import.Batch.Root.ToString(), import.Rows, import.Batch.Count, import.Fact.Purposes, result.Changed, result.Seq, result.ToString(), import.Warnings, Math.Round(import.Elapsed.TotalSeconds, 3));
            Output.Print(parse.GetValue(options.Json), summary, s => string.Create(CultureInfo.InvariantCulture,
                $"batch    {s.Batch}\nroot     {s.Root}\nrecords  {s.Records:N0} ({s.Rows:N0} rows; purposes {string.Join(", ", s.Purposes)})\n         {s.Message}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static byte Delimiter(string? text) => text switch
    {
        null => (byte)',',
        "\\t" or "tab" => (byte)'\t',
        { Length: 1 } single when single[0] < 128 => (byte)single[0],
        _ => throw LineageHubException.InvalidInput($"--delimiter must be one ASCII character or '\\t', got '{text}'"),
    };

    private static Dictionary<string, string> Mapping(string[] pairs)
    {
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || at == pair.Length - 1)
            {
                throw LineageHubException.InvalidInput(ConsentConnectorMessages.BadMapping(pair));
            }
            mapping[pair[..at]] = pair[(at + 1)..];
        }
        return mapping;
    }
}
