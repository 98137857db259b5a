namespace LineageHub.Benchmarks;

/// <summary>Order statistics over repeated measurements: the machine is shared and noisy, so we report medians.</summary>
public static class Stats
{
    public static double Median(IReadOnlyList<double> samples) => Percentile(samples, 50);

    public static double Percentile(IReadOnlyList<double> samples, double percent)
    {
        ArgumentOutOfRangeException.ThrowIfZero(samples.Count);
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
