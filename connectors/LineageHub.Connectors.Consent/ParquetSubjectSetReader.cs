using System.Globalization;
using System.Text;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Subjects;
using LineageHub.Parquet;
using LineageHub.Parquet.Columns;
using LineageHub.Parquet.Meta;
using LineageHub.Parquet.Schema;

namespace LineageHub.Connectors.Consent;

/// <summary>
/// The subject set of a Parquet file: the pseudonym of every non-null, non-empty value in the subject columns,
/// read column chunk by column chunk (no rows are assembled). A subject id is pseudonymised as the text a CSV
/// export of the same table would hold — a string's UTF-8 bytes, an integer's decimal digits — so a subject
/// has one pseudonym whatever format a source ships, and matches its consent records.
/// </summary>
public static class ParquetSubjectSetReader
{
    public static (SubjectSet Set, SubjectSetRef Reference) Read(string path, IReadOnlyList<string> columns, SubjectPseudonymizer pseudonymizer)
    {
        if (columns.Count == 0)
        {
            throw LineageHubException.InvalidInput("--subject-column names at least one column");
        }
        try
        {
            using var reader = ParquetReader.Open(path);
            var leaves = columns.Select(c => SubjectLeaf(reader, path, c)).ToArray();
            var pseudonyms = new List<SubjectPseudonym>(checked((int)Math.Min(reader.RowCount * leaves.Length, Array.MaxLength)));
            var batches = new ColumnBatch?[leaves.Length];
            for (var group = 0; group < reader.RowGroupCount; group++)
            {
                for (var i = 0; i < leaves.Length; i++)
                {
                    batches[i] = reader.ReadColumn(group, leaves[i], batches[i]);
                    Add(batches[i]!, pseudonymizer, pseudonyms);
                }
            }
            var set = SubjectSet.Of(pseudonyms);
            return (set, new SubjectSetRef([.. columns], set.Count, set.Root));
        }
        catch (ParquetFormatException ex)
        {
            // Unsupported features (encryption, a codec) are format exceptions too: each names what it met.
            throw LineageHubException.InvalidInput($"{path}: {ex.Message}");
        }
    }

    // A subject column is one primitive leaf holding strings or integers; repeated leaves (a list of
    // co-applicants) count every value.
    private static SchemaNode SubjectLeaf(ParquetReader reader, string path, string column)
    {
        var node = reader.Schema.Find(column);
        if (node is null)
        {
            throw LineageHubException.InvalidInput($"{path}: no subject column '{column}'; the columns are {string.Join(", ", reader.Schema.Leaves.Select(l => l.DottedPath))}");
        }
        if (!node.IsLeaf)
        {
            throw LineageHubException.InvalidInput($"{path}: subject column '{column}' is a group; name one of its fields ({string.Join(", ", reader.Schema.Leaves.Where(l => l.DottedPath.StartsWith(node.DottedPath + ".", StringComparison.Ordinal)).Select(l => l.DottedPath))})");
        }
        if (Kind(node) is null)
        {
            throw LineageHubException.InvalidInput($"{path}: subject column '{column}' holds {Describe(node)}; subject ids are strings or integers");
        }
        return node;
    }

    private enum IdKind
    {
        Bytes,
        Signed,
        Unsigned,
    }

    private static IdKind? Kind(SchemaNode leaf)
    {
        var logical = leaf.LogicalType?.Kind;
        return leaf.PhysicalType switch
        {
            PhysicalType.ByteArray or PhysicalType.FixedLenByteArray when logical is null or LogicalTypeKind.String or LogicalTypeKind.Enum or LogicalTypeKind.Uuid
                && leaf.ConvertedType is null or ConvertedType.Utf8 or ConvertedType.Enum => IdKind.Bytes,
            PhysicalType.Int32 or PhysicalType.Int64 when logical is null or LogicalTypeKind.Integer && leaf.ConvertedType is null or >= ConvertedType.Uint8 and <= ConvertedType.Int64 =>
                leaf.LogicalType is { Kind: LogicalTypeKind.Integer, IsSigned: false } || leaf.ConvertedType is >= ConvertedType.Uint8 and <= ConvertedType.Uint64 ? IdKind.Unsigned : IdKind.Signed,
            _ => null,
        };
    }

    private static string Describe(SchemaNode leaf) =>
        leaf.LogicalType is { } logical ? $"{leaf.PhysicalType} values ({logical.Kind})" : $"{leaf.PhysicalType} values";

    private static void Add(ColumnBatch batch, SubjectPseudonymizer pseudonymizer, List<SubjectPseudonym> pseudonyms)
    {
        Span<byte> digits = stackalloc byte[20];
        switch (Kind(batch.Column), batch.PhysicalType)
        {
            case (IdKind.Bytes, _):
                for (var i = 0; i < batch.ValueCount; i++)
                {
                    if (batch.GetBytes(i) is { IsEmpty: false } id)
                    {
                        pseudonyms.Add(pseudonymizer.Pseudonymize(id));
                    }
                }
                break;
            case (var kind, PhysicalType.Int32):
                foreach (var value in batch.Int32Values)
                {
                    pseudonyms.Add(pseudonymizer.Pseudonymize(kind == IdKind.Unsigned ? Digits((uint)value, digits) : Digits(value, digits)));
                }
                break;
            case (var kind, PhysicalType.Int64):
                foreach (var value in batch.Int64Values)
                {
                    pseudonyms.Add(pseudonymizer.Pseudonymize(kind == IdKind.Unsigned ? Digits((ulong)value, digits) : Digits(value, digits)));
                }
                break;
            default:
                throw new InvalidOperationException($"subject column {batch.Column} was not checked");
        }
    }

    private static ReadOnlySpan<byte> Digits<T>(T value, Span<byte> destination)
        where T : IUtf8SpanFormattable
    {
        value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
        return destination[..written];
    }
}
