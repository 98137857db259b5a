using System.Text;
using LineageHub.Core;
using LineageHub.GraphQL.Execution;

namespace LineageHub.Api.GraphQL;

/// <summary>
/// The Relay connection arguments of one field, checked: <c>first</c> or <c>last</c> (not both, 0 to
/// <see cref="ApiMessages.MaxPageSize"/>, default <see cref="ApiMessages.DefaultPageSize"/> forward), and
/// <c>after</c>/<c>before</c> cursors, which are opaque base64 of an offset (neighbour lists) or a key (root lists).
/// </summary>
internal sealed record PageArguments(int Size, bool Backward, string? After, string? Before)
{
    private const string OffsetTag = "o:";
    private const string KeyTag = "k:";

    public static PageArguments From(ResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        if (first is not null && last is not null)
        {
            throw LineageHubException.InvalidInput(ApiMessages.FirstAndLast);
        }
        var size = first ?? last ?? ApiMessages.DefaultPageSize;
        if (size is < 0 or > ApiMessages.MaxPageSize)
        {
            throw LineageHubException.InvalidInput(ApiMessages.PageSize(first is not null ? "first" : "last", size));
        }
        return new PageArguments(size, last is not null, context.GetArgument<string>("after"), context.GetArgument<string>("before"));
    }

    public static string OffsetCursor(int offset) => Encode(OffsetTag + offset.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static string KeyCursor(string key) => Encode(KeyTag + key);

    /// <summary>The page of a list of <paramref name="count"/> items held in memory: [start, end).</summary>
    public (int Start, int End) Slice(int count) => Offsets().Slice(count);

    /// <summary>The page over a list held in memory, its cursors decoded (a bad cursor is an error here).</summary>
    public OffsetPage Offsets() => new(Size, Backward, After is null ? null : OffsetOf(After, "after"), Before is null ? null : OffsetOf(Before, "before"));

    /// <summary>The key an <c>after</c> or <c>before</c> cursor of a root list names.</summary>
    public static string? KeyOf(string? cursor, string argument)
    {
        if (cursor is null)
        {
            return null;
        }
        var text = Decode(cursor, argument);
        return text.StartsWith(KeyTag, StringComparison.Ordinal) && text.Length > KeyTag.Length
            ? text[KeyTag.Length..]
            : throw LineageHubException.InvalidInput(ApiMessages.BadCursor(argument));
    }

    private static int OffsetOf(string cursor, string argument)
    {
        var text = Decode(cursor, argument);
        return text.StartsWith(OffsetTag, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(OffsetTag.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var offset)
            ? offset
            : throw LineageHubException.InvalidInput(ApiMessages.BadCursor(argument));
    }

    private static string Encode(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Decode(string cursor, string argument)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
        }
        catch (FormatException)
        {
            throw LineageHubException.InvalidInput(ApiMessages.BadCursor(argument));
        }
    }
}
