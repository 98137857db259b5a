using System.Buffers;
using System.Buffers.Binary;
using LineageHub.Parquet.Columns;
using LineageHub.Parquet.Meta;
using LineageHub.Parquet.Schema;

namespace LineageHub.Parquet;

/// <summary>
/// Reads a Parquet file from a path or a seekable stream: the footer and schema on open, then column chunks on
/// demand, one row group at a time, so memory stays bounded by one row group of the projected columns.
/// Not thread-safe: use one reader per thread.
/// </summary>
public sealed partial class ParquetReader : IDisposable
{
    private static ReadOnlySpan<byte> Magic => "PAR1"u8;

    private static ReadOnlySpan<byte> EncryptedMagic => "PARE"u8;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly long _length;
    private readonly long _footerStart;

    private ParquetReader(Stream stream, bool leaveOpen, ParquetReaderOptions options)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        Options = options;
        try
        {
            if (!stream.CanSeek || !stream.CanRead)
            {
                throw new ArgumentException("the stream must be readable and seekable", nameof(stream));
            }
            _length = stream.Length;
            (Metadata, _footerStart) = ReadFooter();
            Schema = new ParquetSchema(Metadata.Schema);
            CheckRowGroups();
        }
        catch
        {
            if (!leaveOpen)
            {
                stream.Dispose();
            }
            throw;
        }
    }

    /// <summary>The decoded footer.</summary>
    public FileMetaData Metadata { get; }

    /// <summary>The schema tree with leaf columns and levels.</summary>
    public ParquetSchema Schema { get; }

    public ParquetReaderOptions Options { get; }

    public int RowGroupCount => Metadata.RowGroups.Count;

    /// <summary>Rows in the file: the sum over row groups.</summary>
    public long RowCount { get; private set; }

    /// <summary>Opens a file for reading. Throws <see cref="ParquetFormatException"/> when it is not readable Parquet.</summary>
    public static ParquetReader Open(string path, ParquetReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.RandomAccess);
        return new ParquetReader(stream, leaveOpen: false, options ?? ParquetReaderOptions.Default);
    }

    /// <summary>Reads from a seekable stream; it is disposed with the reader unless <paramref name="leaveOpen"/>.</summary>
    public static ParquetReader Open(Stream stream, bool leaveOpen = false, ParquetReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new ParquetReader(stream, leaveOpen, options ?? ParquetReaderOptions.Default);
    }

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private (FileMetaData Metadata, long FooterStart) ReadFooter()
    {
        Span<byte> head = stackalloc byte[8];
        var headLength = ReadAt(0, head.Slice(0, (int)Math.Min(8, _length)));
        if (_length < 12)
        {
            throw new ParquetFormatException($"{ParquetErrors.FileTooSmall}: {_length} bytes, head: {ParquetErrors.Hex(head.Slice(0, headLength))}");
        }
        Span<byte> tail = stackalloc byte[8];
        ReadAt(_length - 8, tail);
        if (tail.Slice(4).SequenceEqual(EncryptedMagic) || head.Slice(0, 4).SequenceEqual(EncryptedMagic))
        {
            throw new ParquetUnsupportedException($"{ParquetErrors.Encrypted}: the file ends in the encrypted-footer magic PARE");
        }
        if (!head.Slice(0, 4).SequenceEqual(Magic) || !tail.Slice(4).SequenceEqual(Magic))
        {
            throw new ParquetFormatException($"{ParquetErrors.NotParquet}, head: {ParquetErrors.Hex(head)}, tail: {ParquetErrors.Hex(tail)}");
        }
        var footerLength = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        if (footerLength > (ulong)(_length - 12) || footerLength > (uint)Options.MaxFooterSize)
        {
            throw new ParquetFormatException($"{ParquetErrors.FooterLength}: the footer claims {footerLength} bytes, the file has {_length} (at most {_length - 12} available)");
        }
        var footerStart = _length - 8 - footerLength;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(footerLength, 1));
        try
        {
            var footer = buffer.AsSpan(0, (int)footerLength);
            ReadAt(footerStart, footer);
            var metadata = MetadataParser.ReadFileMetaData(footer);
            if (metadata.HasEncryptionAlgorithm || metadata.RowGroups.Any(g => g.Columns.Any(c => c.IsEncrypted)))
            {
                throw new ParquetUnsupportedException($"{ParquetErrors.Encrypted}: the plaintext footer declares encrypted columns");
            }
            return (metadata, footerStart);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void CheckRowGroups()
    {
        var leaves = Schema.Leaves.Count;
        long total = 0;
        for (var i = 0; i < Metadata.RowGroups.Count; i++)
        {
            var g = Metadata.RowGroups[i];
            if (g.Columns.Count != leaves)
            {
                throw new ParquetFormatException($"{ParquetErrors.ColumnChunk}: row group {i} has {g.Columns.Count} column chunks, the schema has {leaves} leaf columns");
            }
            if (g.NumRows > long.MaxValue - total)
            {
                throw new ParquetFormatException($"{ParquetErrors.ColumnChunk}: row group {i} declares {g.NumRows} rows, the total overflows");
            }
            total += g.NumRows;
        }
        // Some writers leave the footer's num_rows at zero; the row groups are what gets read.
        RowCount = total;
    }

    private int ReadAt(long offset, Span<byte> destination)
    {
        _stream.Position = offset;
        var total = 0;
        while (total < destination.Length)
        {
            var n = _stream.Read(destination.Slice(total));
            if (n == 0)
            {
                throw new ParquetFormatException($"{ParquetErrors.FileTooSmall}: unexpected end of file at offset {offset + total}");
            }
            total += n;
        }
        return total;
    }
}
