using System.Text;
using LineageHub.Core.Consent;

namespace LineageHub.Connectors.Consent;

/// <summary>
/// Recognises the purposes an import may name by their UTF-8 bytes, so a row costs no string; it also
/// remembers which were seen, for the batch's fact. A purpose over <see cref="ConsentRecordCodec.MaxPurposeBytes"/>
/// bytes, or one that UTF-8 cannot carry, is never matched: such a row is refused as an unknown purpose.
/// </summary>
internal sealed class PurposeMatcher
{
    private readonly (byte[] Utf8, string Purpose)[] _known;
    private readonly bool[] _matched;
    private int _last = -1;

    public PurposeMatcher(IEnumerable<string> known)
    {
        var strict = new UTF8Encoding(false, true);
        var encodable = new List<(byte[], string)>();
        foreach (var purpose in known)
        {
            byte[] utf8;
            try
            {
                utf8 = strict.GetBytes(purpose);
            }
            catch (EncoderFallbackException)
            {
                // A lone surrogate: no UTF-8 file can spell it.
                continue;
            }
            if (utf8.Length is > 0 and <= ConsentRecordCodec.MaxPurposeBytes)
            {
                encodable.Add((utf8, purpose));
            }
        }
        _known = [.. encodable];
        _matched = new bool[_known.Length];
    }

    /// <summary>The known purposes some row named.</summary>
    public IEnumerable<string> Matched => _known.Where((_, i) => _matched[i]).Select(k => k.Purpose);

    public bool TryMatch(ReadOnlySpan<byte> utf8, out string purpose)
    {
        // Rows of one export mostly repeat a few purposes: the last one matched is tried first.
        if (_last >= 0 && utf8.SequenceEqual(_known[_last].Utf8))
        {
            purpose = _known[_last].Purpose;
            return true;
        }
        for (var i = 0; i < _known.Length; i++)
        {
            if (utf8.SequenceEqual(_known[i].Utf8))
            {
                _matched[i] = true;
                _last = i;
                purpose = _known[i].Purpose;
                return true;
            }
        }
        purpose = "";
        return false;
    }
}
