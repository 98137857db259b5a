namespace LineageHub.Connectors.Datasets;

/// <summary>Every message the dataset connector gives about bad input, in one place so tests assert on the same texts.</summary>
public static class DatasetMessages
{
    public static string NotFound(string path) => $"{path}: no such file or folder";

    public static string Unreadable(string path, string reason) => $"{path}: cannot be read: {reason}";

    public static string Changed(string path) => $"{path}: the file changed while it was read (size or modification time differ before and after); no root is given for it";

    public static string SymlinkLoop(string path, string target) => $"{path}: a symbolic link loop (it leads back to {target})";

    public static string UnknownFormat(string path) => $"{path}: table mode reads .csv, .tsv, .jsonl, .ndjson and .parquet files; give --format csv|jsonl|parquet";

    public static string RaggedRow(string path, long line, int fields, int columns) => $"{path}:{line}: the row has {fields} fields, the header has {columns}";

    public static string QuoteInUnquotedField(string path, long line, int field) => $"{path}:{line}: field {field} has a quote inside an unquoted value";

    public static string AfterClosingQuote(string path, long line, int field) => $"{path}:{line}: field {field} has text after its closing quote";

    public static string UnterminatedQuote(string path, long line) => $"{path}:{line}: a quoted field starting on this line is never closed";

    public static string BareCarriageReturn(string path, long line) => $"{path}:{line}: a carriage return not followed by a line feed";

    public static string InvalidUtf8(string path, long line) => $"{path}:{line}: the row is not valid UTF-8";

    public static string RowTooLong(string path, long line, int limit) => $"{path}:{line}: the row is longer than {limit} bytes";

    public static string NoHeader(string path) => $"{path}: the file is empty: a CSV file needs a header row";

    public static string DuplicateKey(string path, string key, string value, string first, string second) =>
        $"{path}: the key column '{key}' has the value {value} twice ({first} and {second}); give --allow-duplicate-keys to accept that";

    public static string BadJson(string path, long line, string reason) => $"{path}:{line}: not a JSON object: {reason}";

    public static string UnknownJsonMember(string path, long line, string name) => $"{path}:{line}: the member '{name}' is not among the first line's members";

    public static string DuplicateJsonMember(string path, long line, string name) => $"{path}:{line}: the member '{name}' appears twice";

    public static string NestedParquet(string path, string column) => $"{path}: the column '{column}' is nested or repeated; table mode reads flat columns (use --mode raw)";

    public static string BadParquet(string path, string reason) => $"{path}: {reason}";

    public static string NoSuchRow(string path, long row, long rows) => $"{path}: there is no row {row} (the table has {rows})";

    public static string NoSuchKey(string path, string key, string value) => $"{path}: no row has {key} = {value}";

    public static string NoSuchChunk(string path, long chunk, long chunks) => $"{path}: there is no chunk {chunk} (the file has {chunks})";

    public static string BadEncoding(string name) => $"unknown encoding '{name}' (give utf-8, latin1, utf-16, windows-1252, …)";

    public static string BadDelimiter(string text) => $"the delimiter must be one ASCII character other than a quote, CR or LF, got '{text}'";
}
