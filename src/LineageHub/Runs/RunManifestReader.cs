using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using LineageHub.Core;
using LineageHub.Core.Canonical;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using YamlDotNet.Core;

namespace LineageHub.Runs;

/// <summary>
/// Reads a run manifest (JSON, or YAML for files ending in <c>.yaml</c>/<c>.yml</c>), checks it against
/// <c>schema/run-manifest.schema.json</c> — the same schema users validate against — and resolves it into a
/// <see cref="RunManifest"/>. Every error names the file and the place: a JSON pointer, and for YAML the line.
/// </summary>
public static class RunManifestReader
{
    /// <summary>A manifest lists references, not data: anything larger is a mistake.</summary>
    public const long MaxBytes = 8 * 1024 * 1024;

    private static readonly Lazy<JsonSchema> Schema = new(LoadSchema);

    public static RunManifest ReadFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw LineageHubException.NotFound(Directory.Exists(path) ? $"{path} is a folder, not a manifest" : $"no manifest {path}");
        }
        if (info.Length > MaxBytes)
        {
            throw LineageHubException.InvalidInput(RunManifestMessages.TooLarge(path, info.Length, MaxBytes));
        }
        var bytes = File.ReadAllBytes(path);
        var isYaml = path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
        return Read(bytes, path, isYaml, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Reads manifest bytes named <paramref name="file"/> in messages; relative paths resolve against <paramref name="baseDirectory"/>.</summary>
    public static RunManifest Read(ReadOnlySpan<byte> bytes, string file, bool isYaml, string baseDirectory)
    {
        if (bytes.Length > MaxBytes)
        {
            throw LineageHubException.InvalidInput(RunManifestMessages.TooLarge(file, bytes.Length, MaxBytes));
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            throw LineageHubException.InvalidInput(RunManifestMessages.NotUtf8(file));
        }
        JsonNode? root;
        IReadOnlyDictionary<string, Mark> marks;
        if (isYaml)
        {
            (root, marks) = YamlToJson.Read(Encoding.UTF8.GetString(bytes), file);
        }
        else
        {
            try
            {
                root = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = YamlToJson.MaxDepth });
            }
            catch (JsonException ex)
            {
                throw LineageHubException.InvalidInput(RunManifestMessages.BadJson(file, ex.LineNumber, ex.BytePositionInLine, ex.Message.Split(" Path:")[0]));
            }
            marks = new Dictionary<string, Mark>();
        }
        if (root is null)
        {
            throw LineageHubException.InvalidInput($"{file}: {RunManifestMessages.Empty}");
        }
        if (root is not JsonObject)
        {
            throw LineageHubException.InvalidInput($"{file}: {RunManifestMessages.NotAnObject}");
        }
        using var document = JsonDocument.Parse(root.ToJsonString());
        Validate(document.RootElement, file, marks);
        return new ManifestResolver(file, marks, baseDirectory).Resolve(document.RootElement);
    }

    private static void Validate(JsonElement root, string file, IReadOnlyDictionary<string, Mark> marks)
    {
        var result = Schema.Value.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (result.IsValid)
        {
            return;
        }
        // The deepest failing location is the most useful one ("/model/version: …" beats "the manifest: …"),
        // but not inside a oneOf: a branch that does not apply always fails, even when the whole is valid.
        // When only oneOf branches fail, none of the forms fits: say so at the value, naming the forms.
        var failures = (result.Details ?? []).Where(d => !d.IsValid && d.Errors is { Count: > 0 }).ToList();
        var outside = failures.Where(d => !d.EvaluationPath.ToString().Contains("/oneOf/", StringComparison.Ordinal))
            .OrderByDescending(d => d.InstanceLocation.ToString().Length)
            .FirstOrDefault();
        string pointer, message;
        if (outside is not null)
        {
            pointer = outside.InstanceLocation.ToString();
            message = string.Join("; ", outside.Errors!.Select(e => Explain(e.Value)));
        }
        else
        {
            pointer = failures.Select(d => d.InstanceLocation.ToString()).OrderBy(p => p.Length).FirstOrDefault() ?? "";
            message = RunManifestMessages.DataForms;
        }
        throw LineageHubException.InvalidInput(RunManifestMessages.SchemaViolation(Where(file, marks, pointer), pointer, message));
    }

    // The validator's wording for an unknown property says what the schema does, not what the user did.
    private static string Explain(string message) =>
        message.Contains("false schema", StringComparison.Ordinal) ? RunManifestMessages.UnknownProperty : message;

    internal static string Where(string file, IReadOnlyDictionary<string, Mark> marks, string pointer) =>
        marks.TryGetValue(pointer, out var mark) ? $"{file}:{mark.Line}:{mark.Column}" : file;

    private static JsonSchema LoadSchema()
    {
        using var stream = typeof(RunManifestReader).Assembly.GetManifestResourceStream("run-manifest.schema.json")
            ?? throw new InvalidOperationException("the run manifest schema is not embedded in this build");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    }

    /// <summary>Maps a schema-valid manifest onto the domain, with the checks a schema cannot express.</summary>
    private sealed class ManifestResolver(string file, IReadOnlyDictionary<string, Mark> marks, string baseDirectory)
    {
        public RunManifest Resolve(JsonElement root)
        {
            var job = root.GetProperty("job");
            var run = root.TryGetProperty("run", out var r) ? r : default;
            var started = Time(run, "startedAt", "/run/startedAt");
            var ended = Time(run, "endedAt", "/run/endedAt");
            if (started is { } s && ended is { } e && e < s)
            {
                throw LineageHubException.InvalidInput(RunManifestMessages.EndsBeforeStarts(Where(file, marks, "/run/endedAt")));
            }
            var id = run.ValueKind == JsonValueKind.Object && run.TryGetProperty("id", out var given) ? Guid.Parse(given.GetString()!) : (Guid?)null;
            return new RunManifest(
                new JobId(job.GetProperty("namespace").GetString()!, job.GetProperty("name").GetString()!),
                Enum.Parse<JobType>(job.GetProperty("type").GetString()!, ignoreCase: true),
                id ?? DerivedRunId(root),
                id is not null,
                run.ValueKind == JsonValueKind.Object && run.TryGetProperty("status", out var status) ? Enum.Parse<RunStatus>(status.GetString()!, ignoreCase: true) : RunStatus.Completed,
                started,
                ended,
                KeyValues(root, "parameters"),
                KeyValues(root, "environment"),
                DataList(root, "inputs"),
                DataList(root, "outputs"),
                Code(root),
                Model(root));
        }

        // Without a run id, the id is a name-based UUID (RFC 9562 version 8) of the manifest's canonical
        // JSON: the same manifest is the same run, in JSON or YAML, however it is laid out.
        private static Guid DerivedRunId(JsonElement root)
        {
            var digest = SHA256.HashData(CanonicalJson.Encode(root));
            digest[6] = (byte)((digest[6] & 0x0F) | 0x80);
            digest[8] = (byte)((digest[8] & 0x3F) | 0x80);
            return new Guid(digest.AsSpan(0, 16), bigEndian: true);
        }

        private DateTimeOffset? Time(JsonElement parent, string name, string pointer)
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
            {
                return null;
            }
            var text = value.GetString()!;
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                ? time
                : throw LineageHubException.InvalidInput(RunManifestMessages.BadTime(Where(file, marks, pointer), text));
        }

        private static Dictionary<string, string> KeyValues(JsonElement root, string name)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty(name, out var map))
            {
                foreach (var pair in map.EnumerateObject())
                {
                    result[pair.Name] = pair.Value.ValueKind == JsonValueKind.String ? pair.Value.GetString()! : pair.Value.GetRawText();
                }
            }
            return result;
        }

        private List<ManifestData> DataList(JsonElement root, string name)
        {
            var result = new List<ManifestData>();
            if (!root.TryGetProperty(name, out var list))
            {
                return result;
            }
            foreach (var item in list.EnumerateArray())
            {
                var pointer = $"/{name}/{result.Count}";
                if (item.TryGetProperty("version", out var version))
                {
                    result.Add(new ManifestData(pointer, VersionId(version.GetString()!, pointer + "/version")));
                    continue;
                }
                result.Add(new ManifestData(
                    pointer,
                    null,
                    new DatasetId(item.GetProperty("namespace").GetString()!, item.GetProperty("name").GetString()!),
                    Absolute(item.GetProperty("path").GetString()!),
                    item.TryGetProperty("mode", out var mode) ? Enum.Parse<SnapshotMode>(mode.GetString()!, ignoreCase: true) : null,
                    Optional(item, "key"),
                    Optional(item, "label"),
                    Optional(item, "source")));
            }
            return result;
        }

        private DatasetVersionId VersionId(string text, string pointer) =>
            NodeKey.TryParse(text, out var key) && DatasetVersionId.TryFromKey(key, out var id)
                ? id
                : throw LineageHubException.InvalidInput(RunManifestMessages.BadVersionId(Where(file, marks, pointer), text, "expected dataset_version:NAMESPACE|NAME|ROOT with a 64-digit hex root"));

        private ManifestCode? Code(JsonElement root)
        {
            if (!root.TryGetProperty("code", out var code))
            {
                return null;
            }
            var repository = code.GetProperty("repository").GetString()!;
            var commit = Optional(code, "commit");
            var files = code.TryGetProperty("files", out var list) ? list.EnumerateArray().Select(f => f.GetString()!).ToList() : null;
            var isUrl = repository.Contains("://", StringComparison.Ordinal) || (repository.Contains('@', StringComparison.Ordinal) && repository.Contains(':', StringComparison.Ordinal));
            if (isUrl && (commit is null || commit.Length != 40 || !commit.All(char.IsAsciiHexDigit)))
            {
                throw LineageHubException.InvalidInput(RunManifestMessages.UrlNeedsCommit(Where(file, marks, "/code")));
            }
            return new ManifestCode(repository, isUrl ? null : Absolute(repository), commit, files);
        }

        private ManifestModel? Model(JsonElement root)
        {
            if (!root.TryGetProperty("model", out var model))
            {
                return null;
            }
            var artifact = Optional(model, "artifact");
            var digest = Optional(model, "digest");
            if (artifact is not null && digest is not null)
            {
                throw LineageHubException.InvalidInput(RunManifestMessages.DigestAndArtifact(Where(file, marks, "/model")));
            }
            var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
            if (model.TryGetProperty("metrics", out var values))
            {
                foreach (var metric in values.EnumerateObject())
                {
                    metrics[metric.Name] = metric.Value.GetDouble();
                }
            }
            var version = model.GetProperty("version");
            return new ManifestModel(
                model.GetProperty("name").GetString()!,
                version.ValueKind == JsonValueKind.String ? version.GetString()! : version.GetRawText(),
                artifact is null ? null : Absolute(artifact),
                digest is null ? null : Digest.Parse(digest),
                metrics);
        }

        private string Absolute(string path) => Path.GetFullPath(Path.Combine(baseDirectory, path));

        private static string? Optional(JsonElement parent, string name) => parent.TryGetProperty(name, out var value) ? value.GetString() : null;
    }
}
