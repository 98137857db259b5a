using System.CommandLine;
using LineageHub.Connectors.Consent;
using LineageHub.Connectors.Consent.Exports;
using LineageHub.Core.Domain;
using LineageHub.Core.Subjects;

namespace LineageHub.Cli;

/// <summary>The options that make a snapshot record its subject set: the columns naming subjects and where the secret is.</summary>
public sealed class SubjectOptions
{
    public Option<string[]> Columns { get; } = new("--subject-column") { Description = "A column naming data subjects (repeatable); the version records the set of their keyed pseudonyms (CSV, JSON Lines, Parquet)" };

    public Option<string?> SecretFile { get; } = ConsentCommands.SecretFileOption();

    public void AddTo(Command command)
    {
        command.Add(Columns);
        command.Add(SecretFile);
    }

    public bool Given(ParseResult parse) => parse.GetValue(Columns) is { Length: > 0 };

    public (SubjectSet Set, SubjectSetRef Reference) Read(ParseResult parse, string path, string? format, string? delimiter)
    {
        var pseudonymizer = new SubjectPseudonymizer(SubjectSecret.Load(parse.GetValue(SecretFile)));
        if (format is "parquet" || (format is null && path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)))
        {
            return ParquetSubjectSetReader.Read(path, parse.GetValue(Columns)!, pseudonymizer);
        }
        return SubjectSetReader.Read(path, ExportFormats.Parse(format, path), parse.GetValue(Columns)!, pseudonymizer, ConsentCommands.Delimiter(delimiter));
    }
}
