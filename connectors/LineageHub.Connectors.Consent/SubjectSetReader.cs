using LineageHub.Connectors.Consent.Exports;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Subjects;

namespace LineageHub.Connectors.Consent;

/// <summary>
/// The subject set of a table file: the pseudonym of every non-empty value in the subject columns (a row
/// may name several subjects, e.g. applicant and co-applicant). Raw identifiers are pseudonymised as they
/// are read and never kept.
/// </summary>
public static class SubjectSetReader
{
    public static (SubjectSet Set, SubjectSetRef Reference) Read(string path, ExportFormat format, IReadOnlyList<string> columns, SubjectPseudonymizer pseudonymizer, byte delimiter = (byte)',')
    {
        if (columns.Count == 0)
        {
            throw LineageHubException.InvalidInput("--subject-column names at least one column");
        }
        var rows = ExportRows.Open(path, format, delimiter);
        var indexes = columns.Select(c => rows.ColumnOf(c) ?? throw LineageHubException.InvalidInput(
            $"{rows.File}: no subject column '{c}'; the columns are {string.Join(", ", rows.Columns)}")).ToArray();
        var pseudonyms = new List<SubjectPseudonym>();
        while (rows.Next())
        {
            foreach (var index in indexes)
            {
                var value = rows.Field(index);
                if (!value.IsEmpty)
                {
                    pseudonyms.Add(pseudonymizer.Pseudonymize(value));
                }
            }
        }
        var set = SubjectSet.Of(pseudonyms);
        return (set, new SubjectSetRef([.. columns], set.Count, set.Root));
    }
}
