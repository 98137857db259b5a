using System.CommandLine;
using System.Text.Json;
using LineageHub.Api;
using LineageHub.Connectors.Datasets;
using LineageHub.Connectors.Datasets.Raw;
using LineageHub.Connectors.Datasets.Tables;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Merkle;
using LineageHub.Core.Snapshots;

namespace LineageHub.Cli;

/// <summary><c>lineagehub proof row|chunk|verify</c>: inclusion proofs of one row or one raw chunk against a snapshot root, checked offline.</summary>
public sealed class ProofCommands : ICliVerb
{
    /// <summary>A proof holds a row (at most 16 MiB) and two paths of at most 64 hashes; anything larger is refused unread.</summary>
    public const long MaxProofBytes = 64L << 20;

    public int Order => 50;

    public Command Build()
    {
        var proof = new Command("proof", "Prove that one row (table mode) or one 1 MiB chunk (raw mode) is in a snapshot, and check such proofs offline.");
        proof.Add(Row());
        proof.Add(Chunk());
        proof.Add(Verify());
        return proof;
    }

    private static Command Row()
    {
        var read = new TableReadOptions("--key-column");
        var data = new Option<string?>("--data") { Description = "The local data folder whose salt key to use (default: $LINEAGEHUB_DATA or ./lineagehub-data)" };
        var path = new Argument<string>("path") { Description = "A CSV, JSON Lines or Parquet file" };
        var key = new Option<string?>("--key") { Description = "The key value of the row to prove (needs --key-column)" };
        var row = new Option<long?>("--row") { Description = "The row to prove, 0-based in snapshot order" };
        var command = new Command("row", "Print a JSON inclusion proof of one row against the file's table snapshot root; it discloses that row and its salt only.") { path, key, row, data };
        read.AddTo(command, withMode: false);
        command.SetAction((parse, ct) =>
        {
            var keyValue = parse.GetValue(key);
            var rowNumber = parse.GetValue(row);
            if ((keyValue is null) == (rowNumber is null))
            {
                throw LineageHubException.InvalidInput("give --key VALUE (with --key-column) or --row N");
            }
            if (keyValue is not null && parse.GetValue(read.Key) is null)
            {
                throw LineageHubException.InvalidInput("--key VALUE needs --key-column COL");
            }
            var request = read.Request(parse, parse.GetValue(path)!, parse.GetValue(data), SnapshotMode.Table).ForTable() with { ProveKey = keyValue, ProveRow = rowNumber };
            var snapshot = TableSnapshotter.Snapshot(request, ct);
            Output.Print(true, snapshot.Proof!, _ => "");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command Chunk()
    {
        var path = new Argument<string>("path") { Description = "A file" };
        var chunk = new Option<long>("--chunk") { Description = "The 1 MiB chunk to prove, 0-based", Required = true };
        var command = new Command("chunk", "Print a JSON inclusion proof of one 1 MiB chunk against the file's raw snapshot root.") { path, chunk };
        command.SetAction((parse, ct) =>
        {
            var file = RawFileHasher.Hash(parse.GetValue(path)!, Environment.ProcessorCount, null, ct);
            var index = parse.GetValue(chunk);
            if (index < 0 || index >= file.Chunks)
            {
                throw LineageHubException.NotFound(DatasetMessages.NoSuchChunk(file.Path, index, file.Chunks));
            }
            var offset = index * SnapshotFormat.RawChunkSize;
            var proof = new ChunkProof(SnapshotFormat.ChunkProofFormat, file.Root.ToString(), file.Size, index, file.Chunks, offset, Math.Min(SnapshotFormat.RawChunkSize, file.Size - offset),
                Convert.ToHexStringLower(file.LeafHashes.AsSpan((int)(index * Digest.Size), Digest.Size)),
                [.. MerkleRoot.InclusionPath(file.LeafHashes, index).Select(Convert.ToHexStringLower)]);
            Output.Print(true, proof, _ => "");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command Verify()
    {
        var file = new Argument<string>("proof") { Description = "A proof printed by 'proof row' or 'proof chunk' ('-' reads standard input)" };
        var root = new Option<string?>("--root") { Description = "The root you trust (e.g. a registered version's); without it the proof is checked against its own root" };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON" };
        var command = new Command("verify", "Check a row or chunk proof offline. Exits 1 when it does not hold.") { file, root, json };
        command.SetAction(async (parse, ct) =>
        {
            var name = parse.GetValue(file)!;
            string text;
            if (name == "-")
            {
                text = await Console.In.ReadToEndAsync(ct);
            }
            else if (!File.Exists(name))
            {
                throw LineageHubException.NotFound($"no proof file {name}");
            }
            else if (new FileInfo(name).Length > MaxProofBytes)
            {
                throw LineageHubException.InvalidInput($"{name}: {new FileInfo(name).Length} bytes is not a proof (the limit is {MaxProofBytes})");
            }
            else
            {
                text = await File.ReadAllTextAsync(name, ct);
            }
            var trusted = parse.GetValue(root);
            if (trusted is not null && !Digest.TryParse(trusted.ToLowerInvariant(), out _))
            {
                throw LineageHubException.InvalidInput($"--root must be 64 hex digits, got '{trusted}'");
            }
            var (check, what) = Check(text, trusted);
            var result = new ProofVerdictJson(check.IsValid, what, check.Failure);
            Output.Print(parse.GetValue(json), result, r => r.Valid ? $"valid: {r.What}" : $"INVALID: {r.Failure}");
            return check.IsValid ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }

    private static (ProofCheck Check, string What) Check(string text, string? trusted)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var format = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            if (format == SnapshotFormat.RowProofFormat)
            {
                var proof = document.RootElement.Deserialize<RowProof>(ApiJson.Options) ?? throw new JsonException("empty");
                return (SnapshotProofVerifier.Verify(proof, trusted), $"row {proof.Row} (chunk {proof.Chunk}, row {proof.RowInChunk} of {proof.ChunkRows}) is in the table snapshot {proof.Root}");
            }
            if (format == SnapshotFormat.ChunkProofFormat)
            {
                var proof = document.RootElement.Deserialize<ChunkProof>(ApiJson.Options) ?? throw new JsonException("empty");
                return (SnapshotProofVerifier.Verify(proof, trusted), $"chunk {proof.Chunk} of {proof.ChunkCount} (bytes {proof.Offset}–{proof.Offset + proof.Length}) is in the raw snapshot {proof.Root}");
            }
            return (ProofCheck.Invalid(SnapshotMessages.ProofFormat), "");
        }
        catch (JsonException ex)
        {
            throw LineageHubException.InvalidInput($"the proof is not valid JSON of its format: {ex.Message}");
        }
    }
}
