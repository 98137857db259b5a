namespace LineageHub.Connectors.Consent;

/// <summary>The consent connector's messages, so tests assert on the same text; each names file and row where there is one.</summary>
public static class ConsentConnectorMessages
{
    public const string NoSecret =
        "no subject secret: set $LINEAGEHUB_SUBJECT_SECRET, or name a file holding it with --subject-secret-file or $LINEAGEHUB_SUBJECT_SECRET_FILE";

    public static string NoSecretFile(string path) => $"the subject secret file {path} does not exist";

    public static string SecretTooShort(int length) => $"the subject secret has {length} bytes; it needs at least {SubjectSecret.MinBytes}";

    public static string At(string file, long line) => $"{file}:{line}";

    public static string NotUtf8(string file, long line, long column, byte value) =>
        $"{At(file, line)}: byte 0x{value:X2} at column {column} is not UTF-8 — the file mixes encodings (or is not UTF-8); export it as UTF-8";

    public static string Utf16(string file) => $"{file}: the file is UTF-16 (it starts with a UTF-16 byte-order mark); export it as UTF-8";

    public static string NoZone(string file, long line, string field, string value) =>
        $"{At(file, line)}: {field} '{value}' has no time zone; write it with Z or an offset such as +02:00";

    public static string BadTime(string file, long line, string field, string value) =>
        $"{At(file, line)}: {field} '{value}' is not an ISO 8601 date-time (yyyy-MM-ddTHH:mm:ss[.fffffff] with Z or ±hh:mm)";

    public static string UnknownPurpose(string file, long line, string value, IEnumerable<string> known) =>
        $"{At(file, line)}: unknown purpose '{value}'; known purposes: {string.Join(", ", known.Order(StringComparer.Ordinal).DefaultIfEmpty("(none)"))} (declared by jobs, models and basis declarations, or given with --allow-purpose)";

    public static string UnknownBasis(string file, long line, string value) =>
        $"{At(file, line)}: unknown lawful basis '{value}'; one of consent, contract, legal_obligation, vital_interests, public_task, legitimate_interests";

    public static string Missing(string file, long line, string field, string column) => $"{At(file, line)}: {field} (column '{column}') is empty";

    public static string NoColumn(string file, string field, string column, IEnumerable<string> columns) =>
        $"{file}: no column '{column}' for {field}; the columns are {string.Join(", ", columns)} (map one with --map {field}=COLUMN)";

    public static string UnknownField(string field) =>
        $"--map: unknown field '{field}'; fields are {string.Join(", ", ConsentFields.All)}";

    public static string BadMapping(string text) => $"--map takes FIELD=COLUMN, got '{text}'";

    public static string BadDigest(string file, long line, string value) => $"{At(file, line)}: evidence_digest '{value}' is not a 64-hex-digit SHA-256 digest";

    public static string NoEvidenceFile(string file, long line, string path) => $"{At(file, line)}: evidence file {path} does not exist";

    public static string ExpiresBeforeGranted(string file, long line) => $"{At(file, line)}: expires_at is before granted_at";

    public static string WithdrawnBeforeGranted(string file, long line) => $"{At(file, line)}: withdrawn_at is before granted_at";

    public static string Duplicate(string file, long line, long first) => $"{At(file, line)}: duplicate of line {first}; kept once";

    public static string NeverSeen(string file, long count, IEnumerable<long> lines) =>
        $"{file}: {count} records are for subjects in no registered subject set (lines {string.Join(", ", lines)}{(count > 10 ? ", …" : "")})";

    public static string BadCsv(string file, long line, string what) => $"{At(file, line)}: {what}";

    public static string BadJson(string file, long line, string what) => $"{At(file, line)}: not a JSON object: {what}";

    public static string TooManyErrors(int shown, int total) => $"… and {total - shown} more errors";

    public static string Refused(string file, int errors) => $"{file}: {errors} errors; nothing was imported";

    public const string EmptyFile = "the file has no records";
}
