using System.Buffers;

namespace LineageHub.Core.Evidence;

/// <summary>
/// A buffer writer that keeps nothing: it compares what is written with <c>expected</c> as it goes. Checking
/// that a bundle is in its one byte form by re-encoding it then costs a small scratch buffer, not a second
/// copy of a bundle of hundreds of megabytes.
/// </summary>
internal sealed class ComparingBufferWriter(ReadOnlyMemory<byte> expected) : IBufferWriter<byte>
{
    private byte[] _scratch = new byte[1 << 16];
    private int _compared;

    /// <summary>Whether everything written so far equals the start of the expected bytes.</summary>
    public bool Matches { get; private set; } = true;

    /// <summary>Whether what was written equals the expected bytes exactly, no more and no less.</summary>
    public bool MatchesAll => Matches && _compared == expected.Length;

    public void Advance(int count)
    {
        if (Matches)
        {
            var written = _scratch.AsSpan(0, count);
            Matches = expected.Length - _compared >= count && written.SequenceEqual(expected.Span.Slice(_compared, count));
        }
        _compared += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Scratch(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => Scratch(sizeHint).Span;

    private Memory<byte> Scratch(int sizeHint)
    {
        if (sizeHint > _scratch.Length)
        {
            _scratch = new byte[sizeHint];
        }
        return _scratch;
    }
}
