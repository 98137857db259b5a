using System.Buffers;
using LineageHub.Parquet.Encodings;
using LineageHub.Parquet.Meta;
using LineageHub.Parquet.Pages;
using LineageHub.Parquet.Schema;

namespace LineageHub.Parquet.Columns;

internal sealed partial class ColumnChunkReader
{
    private const int ScratchSize = 1024;

    private void ReadDictionaryPage(PageHeader header, ReadOnlySpan<byte> body, CompressionCodec codec, SchemaNode column)
    {
        var dh = header.DictionaryPageHeader ?? throw new ParquetFormatException($"{ParquetErrors.Page}: dictionary page without a dictionary header");
        if (_dictionary is not null)
        {
            throw new ParquetFormatException($"{ParquetErrors.Page}: a second dictionary page in one column chunk");
        }
        if (dh.Encoding is not (ParquetEncoding.Plain or ParquetEncoding.PlainDictionary))
        {
            throw new ParquetUnsupportedException($"{ParquetErrors.UnsupportedEncoding}: dictionary page encoded as {dh.Encoding}");
        }
        // Every PLAIN value takes at least one bit, so a count above 8 per byte is a lie.
        if ((long)dh.NumValues > (long)header.UncompressedPageSize * 8)
        {
            throw new ParquetFormatException($"{ParquetErrors.Page}: dictionary declares {dh.NumValues} values in {header.UncompressedPageSize} bytes");
        }
        var buffer = Decompress(codec, body, header.UncompressedPageSize, out _);
        try
        {
            var dict = new ValueStore(column.PhysicalType!.Value, column.Element.TypeLength ?? 0);
            ValueDecoder.Plain(buffer.AsSpan(0, header.UncompressedPageSize), dict, dh.NumValues);
            _dictionary = dict;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private int ReadDataPageV1(PageHeader header, ReadOnlySpan<byte> body, CompressionCodec codec, ColumnBatch batch, long budget)
    {
        var dp = header.DataPageHeader ?? throw new ParquetFormatException($"{ParquetErrors.Page}: data page without a data page header");
        var count = CheckCount(dp.NumValues, budget, batch.LevelCount);
        var buffer = Decompress(codec, body, header.UncompressedPageSize, out _);
        try
        {
            var data = buffer.AsSpan(0, header.UncompressedPageSize);
            var column = batch.Column;
            var levelStart = ReserveLevels(batch, count);
            var pos = 0;
            if (column.MaxRepetitionLevel > 0)
            {
                pos += LevelDecoder.DecodeV1(data, dp.RepetitionLevelEncoding, column.MaxRepetitionLevel, batch.RepetitionLevelBuffer.AsSpan(levelStart, count), "repetition levels");
            }
            var nonNull = count;
            if (column.MaxDefinitionLevel > 0)
            {
                var defs = batch.DefinitionLevelBuffer.AsSpan(levelStart, count);
                pos += LevelDecoder.DecodeV1(data.Slice(pos), dp.DefinitionLevelEncoding, column.MaxDefinitionLevel, defs, "definition levels");
                nonNull = CountDefined(defs, column.MaxDefinitionLevel);
            }
            DecodeValues(data.Slice(pos), dp.Encoding, batch, nonNull);
            batch.LevelCount += count;
            return count;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private int ReadDataPageV2(PageHeader header, ReadOnlySpan<byte> body, CompressionCodec codec, ColumnBatch batch, long budget)
    {
        var dp = header.DataPageHeaderV2 ?? throw new ParquetFormatException($"{ParquetErrors.Page}: data page v2 without its header");
        var count = CheckCount(dp.NumValues, budget, batch.LevelCount);
        var levelBytes = (long)dp.RepetitionLevelsByteLength + dp.DefinitionLevelsByteLength;
        if (levelBytes > body.Length || levelBytes > header.UncompressedPageSize)
        {
            throw new ParquetFormatException($"{ParquetErrors.Page}: v2 level sections of {levelBytes} bytes exceed the page ({body.Length} stored, {header.UncompressedPageSize} uncompressed)");
        }
        var column = batch.Column;
        var levelStart = ReserveLevels(batch, count);
        var repBytes = body.Slice(0, dp.RepetitionLevelsByteLength);
        var defBytes = body.Slice(dp.RepetitionLevelsByteLength, dp.DefinitionLevelsByteLength);
        if (column.MaxRepetitionLevel > 0)
        {
            LevelDecoder.DecodeRle(repBytes, BitWidth.For(column.MaxRepetitionLevel), column.MaxRepetitionLevel, batch.RepetitionLevelBuffer.AsSpan(levelStart, count), "repetition levels");
        }
        var nonNull = count;
        if (column.MaxDefinitionLevel > 0)
        {
            var defs = batch.DefinitionLevelBuffer.AsSpan(levelStart, count);
            LevelDecoder.DecodeRle(defBytes, BitWidth.For(column.MaxDefinitionLevel), column.MaxDefinitionLevel, defs, "definition levels");
            nonNull = CountDefined(defs, column.MaxDefinitionLevel);
        }
        var values = body.Slice((int)levelBytes);
        var valuesSize = header.UncompressedPageSize - (int)levelBytes;
        if (!dp.IsCompressed || valuesSize == 0)
        {
            if (valuesSize != values.Length && dp.IsCompressed is false)
            {
                throw new ParquetFormatException($"{ParquetErrors.Page}: uncompressed v2 values of {values.Length} bytes, the header says {valuesSize}");
            }
            DecodeValues(values, dp.Encoding, batch, nonNull);
        }
        else
        {
            var buffer = Decompress(codec, values, valuesSize, out _);
            try
            {
                DecodeValues(buffer.AsSpan(0, valuesSize), dp.Encoding, batch, nonNull);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        batch.LevelCount += count;
        return count;
    }

    private int CheckCount(int numValues, long budget, int levelsSoFar)
    {
        if (numValues < 0 || numValues > budget || numValues > _options.MaxValuesPerPage)
        {
            throw new ParquetFormatException($"{ParquetErrors.Page}: declares {numValues} values where at most {Math.Min(budget, _options.MaxValuesPerPage)} remain for the column chunk");
        }
        if ((long)levelsSoFar + numValues > _options.MaxValuesPerColumnChunk)
        {
            throw new ParquetFormatException($"{ParquetErrors.Page}: the column chunk would exceed the limit of {_options.MaxValuesPerColumnChunk} values");
        }
        return numValues;
    }

    private static int ReserveLevels(ColumnBatch batch, int count)
    {
        var start = batch.LevelCount;
        var needed = checked(start + count);
        if (batch.Column.MaxDefinitionLevel > 0)
        {
            ValueStore.Ensure(ref batch.DefinitionLevelBuffer, needed);
        }
        if (batch.Column.MaxRepetitionLevel > 0)
        {
            ValueStore.Ensure(ref batch.RepetitionLevelBuffer, needed);
        }
        return start;
    }

    private static int CountDefined(ReadOnlySpan<int> defs, int max)
    {
        var n = 0;
        foreach (var d in defs)
        {
            if (d == max)
            {
                n++;
            }
        }
        return n;
    }

    private void DecodeValues(ReadOnlySpan<byte> data, ParquetEncoding encoding, ColumnBatch batch, int count)
    {
        if (count == 0)
        {
            return;
        }
        var store = batch.Values;
        Span<int> scratch = stackalloc int[ScratchSize];
        switch (encoding)
        {
            case ParquetEncoding.Plain:
                ValueDecoder.Plain(data, store, count);
                break;
            case ParquetEncoding.PlainDictionary:
            case ParquetEncoding.RleDictionary:
                var dict = _dictionary ?? throw new ParquetFormatException($"{ParquetErrors.Page}: dictionary-encoded page but the chunk has no dictionary page");
                ValueDecoder.DictionaryIndices(data, dict, store, count, scratch);
                break;
            case ParquetEncoding.Rle when store.Type == PhysicalType.Boolean:
                ValueDecoder.RleBoolean(data, store, count, scratch);
                break;
            case ParquetEncoding.DeltaBinaryPacked:
                ValueDecoder.DeltaBinaryPacked(data, store, count);
                break;
            case ParquetEncoding.DeltaLengthByteArray:
                ValueDecoder.DeltaLengthByteArray(data, store, count);
                break;
            case ParquetEncoding.DeltaByteArray:
                ValueDecoder.DeltaByteArray(data, store, count);
                break;
            case ParquetEncoding.ByteStreamSplit:
                ValueDecoder.ByteStreamSplit(data, store, count);
                break;
            default:
                throw new ParquetUnsupportedException($"{ParquetErrors.UnsupportedEncoding}: {encoding} ({(int)encoding}) for {store.Type} values");
        }
    }
}
