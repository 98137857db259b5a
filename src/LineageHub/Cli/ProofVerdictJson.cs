namespace LineageHub.Cli;

/// <summary>What <c>lineagehub proof verify</c> concluded.</summary>
public sealed record ProofVerdictJson(bool Valid, string What, string? Failure);
