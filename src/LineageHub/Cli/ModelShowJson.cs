using System.Text.Json;

namespace LineageHub.Cli;

/// <summary>A model as <c>lineagehub model show</c> prints it: its record and its versions (or the one asked for, with its run).</summary>
public sealed record ModelShowJson(string Id, JsonElement? Model, IReadOnlyList<ModelVersionShowJson> Versions, RunShowJson? Run);
