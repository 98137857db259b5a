using LineageHub.Connectors.Consent.Exports;
using LineageHub.Core.Subjects;

namespace LineageHub.Connectors.Consent;

/// <summary>
/// One export to import: the file, the source system it came from, how its columns map to the fields,
/// the purposes a record may name, and (when known) which subjects appear in registered subject sets.
/// </summary>
public sealed record ConsentImportRequest(string Path, string Source, IReadOnlySet<string> KnownPurposes)
{
    public ExportFormat? Format { get; init; }

    public byte Delimiter { get; init; } = (byte)',';

    /// <summary>Field → column overrides (<c>--map FIELD=COLUMN</c>); unmapped fields are read from the column of their own name.</summary>
    public IReadOnlyDictionary<string, string> Mapping { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether a subject appears in any registered subject set; null skips the check.</summary>
    public Func<SubjectPseudonym, bool>? KnownSubject { get; init; }

    /// <summary>The most errors listed before the import is refused; all are counted.</summary>
    public int MaxErrorsShown { get; init; } = 20;
}
