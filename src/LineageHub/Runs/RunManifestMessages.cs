namespace LineageHub.Runs;

/// <summary>The run manifest's messages, in one place so tests assert on the same wording.</summary>
public static class RunManifestMessages
{
    public const string YamlSeveralDocuments = "a manifest is one YAML document; this file holds more";
    public const string YamlAnchors = "YAML anchors and aliases are not supported in a manifest; write the value out";
    public const string YamlComplexKey = "a mapping key must be a plain string";
    public const string Empty = "the manifest is empty";
    public const string UnknownProperty = "is not a property of a run manifest";
    public const string DataForms = "an input or output is either {version: DATASET_VERSION_ID} or {namespace, name, path} (with optional mode, key, label, source)";
    public const string NotAnObject = "the manifest must be an object with at least a job";

    public static string YamlTooManyValues(int limit) => $"more than {limit:N0} values; a manifest lists references, not data";

    public static string YamlTooDeep(int limit) => $"nested more than {limit} levels deep";

    public static string YamlDuplicateKey(string key) => $"the key '{key}' appears twice in one mapping";

    public static string YamlMalformed(string reason) => $"not valid YAML after this point ({reason})";

    public static string YamlUnexpected(string what) => $"unexpected {what}";

    public static string YamlTag(string tag) => $"the tag {tag} is not supported; only plain values and !!str";

    public static string TooLarge(string file, long size, long limit) => $"{file}: {size:N0} bytes, over the manifest limit of {limit:N0}";

    public static string NotUtf8(string file) => $"{file}: not UTF-8 text";

    public static string BadJson(string file, long? line, long? column, string reason) => $"{file}:{line + 1}:{column + 1}: not valid JSON: {reason}";

    public static string SchemaViolation(string where, string pointer, string message) =>
        $"{where}: {(pointer.Length == 0 ? "the manifest" : pointer)}: {message} (see schema/run-manifest.schema.json)";

    public static string BadTime(string where, string value) => $"{where}: '{value}' is not an ISO-8601 time with a zone";

    public static string EndsBeforeStarts(string where) => $"{where}: endedAt is before startedAt";

    public static string BadVersionId(string where, string value, string reason) => $"{where}: '{value}' is not a dataset version id: {reason}";

    public static string DigestAndArtifact(string where) => $"{where}: give the model's artifact or its digest, not both";

    public static string UrlNeedsCommit(string where) => $"{where}: a repository given by URL needs a full commit sha, since LineageHub cannot read its history";
}
