namespace LineageHub.Cli;

/// <summary>What <c>consent import --json</c> prints.</summary>
public sealed record ConsentImportJson(string Batch, string Root, long Rows, long Records, IReadOnlyList<string> Purposes, bool Changed, long? Seq, string Message, IReadOnlyList<string> Warnings, double Seconds);
