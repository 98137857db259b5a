namespace LineageHub.Benchmarks;

/// <summary>
/// One benchmark, found by reflection so that adding a benchmark is adding a file.
/// It prints our figure beside its anchor's figure, measured in the same run.
/// </summary>
public interface IBenchmark
{
    /// <summary>The name typed on the command line: <c>dotnet run -c Release -- NAME</c>.</summary>
    string Name { get; }

    /// <summary>One line saying what is measured and against which anchor.</summary>
    string Description { get; }

    Task RunAsync(string[] args, CancellationToken cancellationToken);
}
