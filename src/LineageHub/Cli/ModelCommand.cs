using System.CommandLine;
using System.Text;
using LineageHub.Core;
using LineageHub.Core.Domain;

namespace LineageHub.Cli;

/// <summary><c>lineagehub model show NAME[@VERSION]</c>: a model's versions, or one version with the run that produced it.</summary>
public sealed class ModelCommand : ICliVerb
{
    public int Order => 45;

    public Command Build()
    {
        var options = new StoreOptions();
        var name = new Argument<string>("model") { Description = "NAME for the model and its versions, NAME@VERSION for one version with its run" };
        var show = new Command("show", "Print a model's versions, or one version with the run that produced it (inputs, code, parameters).") { name };
        options.AddTo(show);
        show.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(name)!;
            var at = text.LastIndexOf('@');
            var (model, version) = at < 0 ? (text, null) : (text[..at], text[(at + 1)..]);
            if (model.Length == 0 || version is { Length: 0 })
            {
                throw LineageHubException.InvalidInput($"'{text}' is not NAME or NAME@VERSION");
            }
            await using var service = await options.OpenAsync(parse, ct);
            ModelShowJson shown;
            if (version is null)
            {
                var node = await Neighbours.OfAsync(service, new ModelId(model).Key.ToString(), ct);
                var versions = new List<ModelVersionShowJson>();
                foreach (var id in node.In("VERSION_OF"))
                {
                    var v = await Neighbours.OfAsync(service, id, ct);
                    versions.Add(new ModelVersionShowJson(id, v.Node.Props, v.In("PRODUCED").FirstOrDefault()));
                }
                shown = new ModelShowJson(node.Node.Id, node.Node.Props, versions, null);
            }
            else
            {
                var id = new ModelVersionId(new ModelId(model), version).Key.ToString();
                var v = await Neighbours.OfAsync(service, id, ct);
                var producedBy = v.In("PRODUCED").FirstOrDefault();
                var run = producedBy is null ? null : await RunCommands.ShowAsync(service, producedBy, ct);
                shown = new ModelShowJson(new ModelId(model).Key.ToString(), null, [new ModelVersionShowJson(id, v.Node.Props, producedBy)], run);
            }
            Output.Print(parse.GetValue(options.Json), shown, Describe);
            return ExitCodes.Ok;
        });
        return new Command("model", "Show models and their versions.") { show };
    }

    private static string Describe(ModelShowJson m)
    {
        var text = new StringBuilder(m.Id);
        foreach (var version in m.Versions)
        {
            text.Append("\n  ").Append(version.Id);
            if (version.Version.TryGetProperty("metrics", out var metrics) && metrics.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                text.Append("  ").Append(string.Join(", ", metrics.EnumerateObject().Select(p => $"{p.Name}={p.Value}")));
            }
            if (version.ProducedBy is not null)
            {
                text.Append("  by ").Append(version.ProducedBy);
            }
        }
        if (m.Run is not null)
        {
            text.Append('\n').Append(RunCommands.DescribeRun(m.Run));
        }
        return text.ToString();
    }
}
