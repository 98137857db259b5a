namespace LineageHub.Cli;

/// <summary>What <c>lineagehub run register</c> recorded.</summary>
public sealed record RunRegisteredJson(string Run, bool Changed, long? Seq, int NodesCreated, int EdgesCreated, string Message, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, string? Commit, string? ModelVersion, IReadOnlyList<string> Warnings);
