namespace LineageHub.Parquet.Tests.Support;

public static class Compare
{
    /// <summary>Asserts the two JSON Lines outputs hold the same rows, naming the first differing row and value.</summary>
    public static void Rows(IReadOnlyList<string> ours, IReadOnlyList<string> theirs)
    {
        Assert.Equal(theirs.Count, ours.Count);
        for (var i = 0; i < ours.Count; i++)
        {
            var d = JsonRowComparer.Difference(ours[i], theirs[i]);
            Assert.True(d is null, $"row {i}: {d}\n ours:   {Trim(ours[i])}\n duckdb: {Trim(theirs[i])}");
        }
    }

    private static string Trim(string s) => s.Length > 600 ? s[..600] + "..." : s;
}
