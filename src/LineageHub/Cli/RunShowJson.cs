using System.Text.Json;

namespace LineageHub.Cli;

/// <summary>A run as <c>lineagehub run show</c> prints it: its record, and what it read, ran and produced.</summary>
public sealed record RunShowJson(string Id, string? Job, JsonElement Run, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, string? Commit, IReadOnlyList<string> Files, IReadOnlyList<ModelVersionShowJson> Produced);
