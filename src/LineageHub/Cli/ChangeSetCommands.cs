using System.CommandLine;
using LineageHub.Core;

namespace LineageHub.Cli;

/// <summary><c>lineagehub changeset apply FILE</c>: append a change set written as JSON (schema/ledger.md).</summary>
public sealed class ChangeSetCommands : ICliVerb
{
    public int Order => 20;

    public Command Build()
    {
        var changeset = new Command("changeset", "Write facts to the lineage graph.");
        var options = new StoreOptions();
        var file = new Argument<FileInfo>("file") { Description = "A change set as JSON ('-' reads standard input)" };
        var apply = new Command("apply", "Append a change set, all of it or nothing; applying the same one again changes nothing and says so.") { file };
        options.AddTo(apply);
        apply.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            byte[] json;
            if (path.Name == "-")
            {
                using var input = new MemoryStream();
                await Console.OpenStandardInput().CopyToAsync(input, ct);
                json = input.ToArray();
            }
            else if (!path.Exists)
            {
                throw LineageHubException.NotFound($"no change set file {path.FullName}");
            }
            else
            {
                json = await File.ReadAllBytesAsync(path.FullName, ct);
            }
            await using var service = await options.OpenAsync(parse, ct);
            var result = await service.AppendAsync(json, ct);
            Output.Print(parse.GetValue(options.Json), result, r => r.Message);
            return ExitCodes.Ok;
        });
        changeset.Add(apply);
        return changeset;
    }
}
