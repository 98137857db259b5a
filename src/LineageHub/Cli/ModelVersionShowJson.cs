using System.Text.Json;

namespace LineageHub.Cli;

/// <summary>A model version with its record (metrics, artifact) and the run that produced it.</summary>
public sealed record ModelVersionShowJson(string Id, JsonElement Version, string? ProducedBy);
