using System.Globalization;
using System.Numerics;
using System.Text;
using LineageHub.Core;
using LineageHub.Core.Snapshots;
using LineageHub.Parquet;
using LineageHub.Parquet.Schema;
using LineageHub.Parquet.Values;

namespace LineageHub.Connectors.Datasets.Tables;

/// <summary>
/// Parquet through our reader. Each value is turned into the text the other formats would hold for it
/// (integers and decimals in digits, floating point as the shortest round-trip text, dates and timestamps
/// ISO-8601, UTC-adjusted timestamps with Z) and typed from that text like every format; binary without a
/// string annotation is lower-case hex (tag X). Nested and repeated columns are refused.
/// </summary>
internal sealed class ParquetRowSource : IRowSource
{
    private readonly string _path;
    private readonly ParquetReader _reader;
    private readonly IEnumerator<ParquetStruct> _rows;
    private readonly ByteBuffer _text = new(256);
    private long _row;

    public ParquetRowSource(string path, Stream stream)
    {
        _path = path;
        try
        {
            _reader = ParquetReader.Open(stream);
            foreach (var field in _reader.Schema.Fields)
            {
                if (!field.IsLeaf || field.Repetition == Parquet.Meta.FieldRepetition.Repeated)
                {
                    throw LineageHubException.InvalidInput(DatasetMessages.NestedParquet(path, field.Name));
                }
            }
            Columns = [.. _reader.Schema.Fields.Select(f => f.Name)];
            _rows = _reader.ReadRows().GetEnumerator();
        }
        catch (ParquetFormatException ex)
        {
            stream.Dispose();
            throw LineageHubException.InvalidInput(DatasetMessages.BadParquet(path, ex.Message));
        }
        TotalRows = _reader.RowCount;
    }

    public IReadOnlyList<string> Columns { get; }

    public string Format => "parquet";

    public long PositionToken => _row;

    public string Describe(long token) => $"row {token}";

    public long BytesRead => 0;

    public long TotalRows { get; }

    public bool Next(RowWriter writer)
    {
        try
        {
            if (!_rows.MoveNext())
            {
                return false;
            }
        }
        catch (ParquetFormatException ex)
        {
            throw LineageHubException.InvalidInput(DatasetMessages.BadParquet(_path, ex.Message));
        }
        _row++;
        var row = _rows.Current;
        writer.BeginRow();
        for (var i = 0; i < row.Count; i++)
        {
            Set(writer, i, row.Values[i]);
        }
        writer.EndRow();
        return true;
    }

    public void Dispose()
    {
        _rows?.Dispose();
        _reader.Dispose();
    }

    private void Set(RowWriter writer, int column, object? value)
    {
        switch (value)
        {
            case null:
                writer.SetNull(column);
                return;
            case byte[] bytes:
                writer.SetTyped(column, ValueTag.Binary, Encoding.ASCII.GetBytes(Convert.ToHexStringLower(bytes)));
                return;
            case string s:
                Text(writer, column, s);
                return;
            case bool b:
                writer.SetText(column, b ? "true"u8 : "false"u8);
                return;
            case double d:
                Text(writer, column, d.ToString("R", CultureInfo.InvariantCulture));
                return;
            case float f:
                Text(writer, column, f.ToString("R", CultureInfo.InvariantCulture));
                return;
            case Half h:
                Text(writer, column, h.ToString(CultureInfo.InvariantCulture));
                return;
            case Guid g:
                Text(writer, column, g.ToString("D"));
                return;
            case BigInteger big:
                Text(writer, column, big.ToString(CultureInfo.InvariantCulture));
                return;
            case IFormattable formattable:
                Text(writer, column, formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
            default:
                Text(writer, column, value.ToString() ?? "");
                return;
        }
    }

    private void Text(RowWriter writer, int column, string text)
    {
        _text.Clear();
        var span = _text.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var length = Encoding.UTF8.GetBytes(text, span);
        writer.SetText(column, span[..length]);
    }
}
