namespace LineageHub.Api.GraphQL;

/// <summary>
/// A page of a list held in memory with its cursors decoded to offsets: <see cref="Size"/> items from
/// after <see cref="After"/> (or, <see cref="Backward"/>, up to before <see cref="Before"/>). A value, so
/// it can be part of a DataLoader key.
/// </summary>
internal readonly record struct OffsetPage(int Size, bool Backward, int? After, int? Before)
{
    /// <summary>The page of a list of <paramref name="count"/> items: [start, end).</summary>
    public (int Start, int End) Slice(int count)
    {
        var start = After is { } after ? (after >= count ? count : after + 1) : 0;
        var end = Before is { } before ? Math.Min(count, before) : count;
        end = Math.Max(start, end);
        return Backward ? (Math.Max(start, end - Size), end) : (start, Math.Min(end, start + Size));
    }
}
