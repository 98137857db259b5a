using System.Reflection;
using LineageHub.Benchmarks;

// Usage: dotnet run -c Release --project tests/LineageHub.Benchmarks -- NAME [options]
// typeof(IBenchmark), not typeof(Program): the server project this references has a Program of its own.
var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t))
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

var chosen = args.Length == 0 ? null : benchmarks.FirstOrDefault(b => b.Name == args[0]);
if (chosen is null)
{
    Console.Error.WriteLine("usage: lineagehub-benchmarks NAME [options]");
    foreach (var b in benchmarks)
    {
        Console.Error.WriteLine($"  {b.Name,-16} {b.Description}");
    }
    return args.Length == 0 ? 0 : 2;
}

#if DEBUG
Console.Error.WriteLine("warning: a Debug build; benchmark figures are only meaningful with -c Release");
#endif
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
await chosen.RunAsync(args[1..], cts.Token);
return 0;
