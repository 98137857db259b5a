using System.Buffers;
using LineageHub.Parquet.Compression;
using LineageHub.Parquet.Meta;
using LineageHub.Parquet.Pages;
using LineageHub.Parquet.Schema;

namespace LineageHub.Parquet.Columns;

/// <summary>
/// Decodes every page of one column chunk into a <see cref="ColumnBatch"/>. The chunk's bytes are read once into
/// a pooled buffer after its offsets are checked against the file; each page's sizes and counts are checked
/// against what remains before anything is allocated.
/// </summary>
internal sealed partial class ColumnChunkReader
{
    private readonly ParquetReaderOptions _options;
    private ValueStore? _dictionary;

    public ColumnChunkReader(ParquetReaderOptions options)
    {
        _options = options;
    }

    public void Read(ReadOnlySpan<byte> chunk, long chunkFileOffset, ColumnMetaData meta, RowGroup rowGroup, int rowGroupIndex, ColumnBatch batch)
    {
        batch.Clear();
        _dictionary = null;
        var column = batch.Column;
        var pos = 0;
        var page = 0;
        long levelsSoFar = 0;
        var levelBudget = column.MaxRepetitionLevel == 0 ? rowGroup.NumRows : Math.Max(meta.NumValues, rowGroup.NumRows);
        while (pos < chunk.Length)
        {
            var ctx = new PageContext(column.DottedPath, rowGroupIndex, page, chunkFileOffset + pos);
            try
            {
                var header = MetadataParser.ReadPageHeader(chunk.Slice(pos), out var headerLength);
                pos += headerLength;
                if (header.CompressedPageSize > chunk.Length - pos)
                {
                    throw new ParquetFormatException($"{ParquetErrors.Page}: compressed size {header.CompressedPageSize} exceeds the {chunk.Length - pos} bytes left in the column chunk");
                }
                var body = chunk.Slice(pos, header.CompressedPageSize);
                pos += header.CompressedPageSize;
                if (header.Crc is { } crc && _options.VerifyChecksums)
                {
                    var actual = Crc32.Compute(body);
                    if (actual != (uint)crc)
                    {
                        throw new ParquetFormatException($"{ParquetErrors.Checksum}: header CRC {(uint)crc:X8}, page bytes {actual:X8}");
                    }
                }
                if (header.UncompressedPageSize > _options.MaxPageSize)
                {
                    throw new ParquetFormatException($"{ParquetErrors.Page}: uncompressed size {header.UncompressedPageSize} exceeds the limit of {_options.MaxPageSize}");
                }
                switch (header.Type)
                {
                    case PageType.DictionaryPage:
                        ReadDictionaryPage(header, body, meta.Codec, column);
                        break;
                    case PageType.DataPage:
                        levelsSoFar += ReadDataPageV1(header, body, meta.Codec, batch, levelBudget - levelsSoFar);
                        break;
                    case PageType.DataPageV2:
                        levelsSoFar += ReadDataPageV2(header, body, meta.Codec, batch, levelBudget - levelsSoFar);
                        break;
                    default:
                        // Index pages carry nothing a reader needs; skip them.
                        break;
                }
            }
            catch (ParquetUnsupportedException e)
            {
                throw new ParquetUnsupportedException($"{e.Message} ({ctx})", e);
            }
            catch (ParquetFormatException e)
            {
                throw new ParquetFormatException($"{e.Message} ({ctx})", e);
            }
            catch (OverflowException e)
            {
                throw new ParquetFormatException($"{ParquetErrors.Page}: a size overflows ({ctx})", e);
            }
            page++;
        }
        Finish(batch, rowGroup, rowGroupIndex);
    }

    private static void Finish(ColumnBatch batch, RowGroup rowGroup, int rowGroupIndex)
    {
        var column = batch.Column;
        if (column.MaxRepetitionLevel == 0)
        {
            batch.RowCount = batch.LevelCount;
        }
        else
        {
            var reps = batch.RepetitionLevels;
            if (reps.Length > 0 && reps[0] != 0)
            {
                throw new ParquetFormatException($"{ParquetErrors.Levels}: column '{column.DottedPath}' in row group {rowGroupIndex} starts with repetition level {reps[0]}, not 0");
            }
            long rows = 0;
            foreach (var r in reps)
            {
                if (r == 0)
                {
                    rows++;
                }
            }
            batch.RowCount = rows;
        }
        if (batch.RowCount != rowGroup.NumRows)
        {
            throw new ParquetFormatException($"{ParquetErrors.ColumnChunk}: column '{column.DottedPath}' in row group {rowGroupIndex} holds {batch.RowCount} rows, the row group declares {rowGroup.NumRows}");
        }
    }

    private static byte[] Decompress(CompressionCodec codec, ReadOnlySpan<byte> body, int uncompressedSize, out bool rented)
    {
        rented = true;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(uncompressedSize, 1));
        try
        {
            Decompressor.Decompress(codec, body, buffer.AsSpan(0, uncompressedSize));
            return buffer;
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
