using System.CommandLine;
using LineageHub.Core;
using Microsoft.Data.Sqlite;

namespace LineageHub.Cli;

/// <summary>The <c>lineagehub</c> command line: its verbs, and one error policy for all of them.</summary>
public static class LineageHubCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("LineageHub: data lineage and provenance for machine learning, on a verifiable ledger.");
        var verbs = typeof(LineageHubCli).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICliVerb).IsAssignableFrom(t))
            .Select(t => (ICliVerb)Activator.CreateInstance(t)!)
            .OrderBy(v => v.Order);
        foreach (var verb in verbs)
        {
            root.Add(verb.Build());
        }
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Build().Parse(args);
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (LineageHubException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.For(ex.Code);
        }
        catch (SqliteException ex)
        {
            await Console.Error.WriteLineAsync($"error: the store could not be used: {ex.Message}");
            return ExitCodes.Unavailable;
        }
        catch (IOException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Unavailable;
        }
        catch (UnauthorizedAccessException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Unavailable;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled");
            return ExitCodes.Unavailable;
        }
        catch (Exception ex)
        {
            // A bug of ours, not the user's input: say so plainly, without a stack trace, and exit apart from every expected failure.
            await Console.Error.WriteLineAsync($"internal error ({ex.GetType().Name}): {ex.Message}");
            return ExitCodes.Internal;
        }
    }
}
