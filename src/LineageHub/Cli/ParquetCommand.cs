using System.CommandLine;
using LineageHub.Core;
using LineageHub.Parquet;
using LineageHub.Parquet.Json;

namespace LineageHub.Cli;

/// <summary>
/// <c>lineagehub parquet schema|cat FILE</c>: a Parquet file as our reader sees it, in the JSON mapping
/// documented on <see cref="ParquetJsonLinesWriter"/>. Snapshots hash exactly these values, so this is how a
/// user checks what a fingerprint covers.
/// </summary>
public sealed class ParquetCommand : ICliVerb
{
    public int Order => 60;

    public Command Build()
    {
        return new Command("parquet", "Read a Parquet file with LineageHub's own reader: its schema, or its rows as JSON Lines.")
        {
            BuildSchema(),
            BuildCat(),
        };
    }

    private static Command BuildSchema()
    {
        var file = FileArgument();
        var command = new Command("schema", "Print the schema tree and the footer's metadata as JSON.") { file };
        command.SetAction(parse => Run(parse.GetValue(file)!, reader => ParquetJsonLinesWriter.WriteSchema(reader, StandardOutput())));
        return command;
    }

    private static Command BuildCat()
    {
        var file = FileArgument();
        var columns = new Option<string?>("--columns") { Description = "Only these top-level fields, comma-separated, in this order" };
        var limit = new Option<long?>("--limit") { Description = "Print at most this many rows" };
        var command = new Command("cat", "Print the rows as JSON Lines, one object per row.") { file, columns, limit };
        command.SetAction((parse, ct) =>
        {
            var projection = ParseColumns(parse.GetValue(columns));
            var rows = parse.GetValue(limit);
            if (rows is < 0)
            {
                throw new LineageHubException(ErrorCode.InvalidInput, $"--limit must not be negative, got {rows}");
            }
            return Task.FromResult(Run(parse.GetValue(file)!, reader => ParquetJsonLinesWriter.WriteRows(reader, StandardOutput(), projection, rows, ct)));
        });
        return command;
    }

    private static Argument<string> FileArgument() => new("file") { Description = "The Parquet file" };

    private static List<string>? ParseColumns(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var names = value.Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(n => n.Length == 0))
        {
            throw new LineageHubException(ErrorCode.InvalidInput, $"--columns has an empty name: '{value}'");
        }
        return [.. names];
    }

    private static int Run(string path, Action<ParquetReader> write)
    {
        if (!File.Exists(path))
        {
            throw new LineageHubException(ErrorCode.NotFound, Directory.Exists(path) ? $"{path} is a directory, not a Parquet file" : $"no file {path}");
        }
        try
        {
            using var reader = ParquetReader.Open(path);
            write(reader);
            return ExitCodes.Ok;
        }
        catch (ParquetFormatException ex)
        {
            // Unsupported features (encryption, LZO) and damaged bytes are both the file's fault, not ours.
            throw new LineageHubException(ErrorCode.InvalidInput, $"{path}: {ex.Message}");
        }
    }

    // Rows are written straight to the process's standard output stream: going through Console.Out would
    // re-encode every row, and cat output can be gigabytes.
    private static Stream StandardOutput() => Console.OpenStandardOutput();
}
