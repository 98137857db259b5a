using System.Globalization;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;
using Microsoft.Data.Sqlite;

namespace LineageHub.Storage.Sqlite;

// Reading rows into domain values: every value read from the file is checked, since the file may have been edited.
public sealed partial class SqliteLineageStore
{
    // Most edges carry no properties. The index remembers which do, so reads skip the table for the rest;
    // they share this one array, which nothing writes to.
    private static readonly byte[] NoProperties = "{}"u8.ToArray();

    private const string NoPropertiesLiteral = "X'7B7D'";

    private static bool HasProperties(byte[] properties) => !properties.AsSpan().SequenceEqual(NoProperties);

    private static NodeKey ReadKey(SqliteDataReader reader, int kindColumn)
    {
        var kind = reader.GetString(kindColumn);
        if (!NodeKinds.TryParse(kind, out var nodeKind))
        {
            throw LineageHubException.Corrupt($"a stored node has the unknown kind '{kind}'");
        }
        return new NodeKey(nodeKind, reader.GetString(kindColumn + 1));
    }

    private static EdgeKind ReadEdgeKind(SqliteDataReader reader, int column)
    {
        var name = reader.GetString(column);
        return EdgeRules.TryParse(name, out var kind) ? kind : throw LineageHubException.Corrupt($"a stored edge has the unknown kind '{name}'");
    }

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.TryParseExact(text, LedgerEntryCodec.TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw LineageHubException.Corrupt($"a stored time '{text}' is not in the ledger's time format");

    private static SignedTreeHead? ReadNewestHead(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT size, root, time, signature, key_id FROM tree_heads ORDER BY size DESC LIMIT 1";
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadHead(reader) : null;
    }

    private static SignedTreeHead ReadHead(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        Digest.FromBytes((byte[])reader.GetValue(1)),
        ParseTime(reader.GetString(2)),
        (byte[])reader.GetValue(3),
        reader.GetString(4));
}
