using System.Collections;
using LineageHub.Core.Consent;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Subjects;

namespace LineageHub.Connectors.Consent;

/// <summary>
/// The rows an import accepted, in file order, kept as plain values in one array rather than an object a row:
/// a million long-lived records would be copied by the garbage collector from generation to generation.
/// Read as consent records, each made when asked for. The raw identifiers are held only until
/// <see cref="Pseudonymize"/>, which hashes them on every core and then forgets them.
/// </summary>
internal sealed class ImportedRows : IReadOnlyList<ConsentRecord>
{
    private const long None = long.MinValue;
    private const int Block = 16_384;

    private readonly List<string> _purposes = [];
    private readonly List<Digest> _evidence = [];
    private Row[] _rows;
    private byte[] _identifiers = new byte[1 << 16];
    private int _identifiersLength;

    public ImportedRows(int expectedRows) => _rows = new Row[Math.Max(16, expectedRows)];

    public int Count { get; private set; }

    public ConsentRecord this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            ref readonly var row = ref _rows[index];
            return new ConsentRecord(row.Subject, _purposes[row.Purpose], row.Basis, Time(row.Granted)!.Value, Time(row.Expires), Time(row.Withdrawn),
                row.Evidence < 0 ? null : _evidence[row.Evidence]);
        }
    }

    /// <summary>The 1-based line row <paramref name="index"/> starts on.</summary>
    public long LineOf(int index) => _rows[index].Line;

    public SubjectPseudonym SubjectOf(int index) => _rows[index].Subject;

    public void Add(long line, ReadOnlySpan<byte> identifier, string purpose, LawfulBasis basis, DateTimeOffset granted, DateTimeOffset? expires, DateTimeOffset? withdrawn, Digest? evidence)
    {
        if (Count == _rows.Length)
        {
            Array.Resize(ref _rows, _rows.Length * 2);
        }
        if (_identifiers.Length - _identifiersLength < identifier.Length)
        {
            Array.Resize(ref _identifiers, Math.Max(_identifiers.Length * 2, _identifiersLength + identifier.Length));
        }
        identifier.CopyTo(_identifiers.AsSpan(_identifiersLength));
        // Purposes and digests repeat across rows: the last one is usually the one again.
        var purposeIndex = _purposes.Count > 0 && ReferenceEquals(_purposes[^1], purpose) ? _purposes.Count - 1 : _purposes.IndexOf(purpose);
        if (purposeIndex < 0)
        {
            purposeIndex = _purposes.Count;
            _purposes.Add(purpose);
        }
        var evidenceIndex = -1;
        if (evidence is { } digest)
        {
            evidenceIndex = _evidence.Count > 0 && _evidence[^1] == digest ? _evidence.Count - 1 : _evidence.Count;
            if (evidenceIndex == _evidence.Count)
            {
                _evidence.Add(digest);
            }
        }
        _rows[Count++] = new Row
        {
            Line = line,
            IdentifierStart = _identifiersLength,
            IdentifierLength = identifier.Length,
            Purpose = purposeIndex,
            Basis = basis,
            Granted = granted.UtcTicks,
            Expires = expires?.UtcTicks ?? None,
            Withdrawn = withdrawn?.UtcTicks ?? None,
            Evidence = evidenceIndex,
        };
        _identifiersLength += identifier.Length;
    }

    /// <summary>Pseudonymises every row's identifier, a block of rows per task, then drops the identifiers.</summary>
    public void Pseudonymize(SubjectPseudonymizer pseudonymizer)
    {
        Parallel.For(0, (Count + Block - 1) / Block, block =>
        {
            var end = Math.Min(Count, (block + 1) * Block);
            for (var i = block * Block; i < end; i++)
            {
                ref var row = ref _rows[i];
                row.Subject = pseudonymizer.Pseudonymize(_identifiers.AsSpan(row.IdentifierStart, row.IdentifierLength));
            }
        });
        _identifiers = [];
        _identifiersLength = 0;
    }

    public IEnumerator<ConsentRecord> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // UTC ticks keep the instant exactly; the encoding reads only the instant (to the microsecond).
    private static DateTimeOffset? Time(long ticks) => ticks == None ? null : new DateTimeOffset(ticks, TimeSpan.Zero);

    // Mutable, written in place by Pseudonymize through a ref into the array.
    private struct Row
    {
        public SubjectPseudonym Subject;
        public long Line;
        public long Granted;
        public long Expires;
        public long Withdrawn;
        public int IdentifierStart;
        public int IdentifierLength;
        public int Purpose;
        public int Evidence;
        public LawfulBasis Basis;
    }
}
