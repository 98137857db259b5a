using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LineageHub.Core;

namespace LineageHub.Security;

/// <summary>
/// The API keys of a deployment, in <c>api-keys.json</c> in the data folder (readable by its owner only).
/// Only SHA-256 hashes are stored: a key is shown once, at creation. Keys are 256-bit random values, so a
/// plain hash (no salt or stretching) is as strong as the key. The file is re-read when it changes, so a
/// key created or revoked by the CLI takes effect on a running server at its next request.
/// </summary>
public sealed class ApiKeyStore
{
    public const string FileName = "api-keys.json";

    private const string Prefix = "lhk_";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private (DateTime WrittenAt, long Length) _loadedVersion = (DateTime.MinValue, -1);
    private IReadOnlyList<ApiKeyRecord> _keys = [];

    private ApiKeyStore(string path, TimeProvider time)
    {
        _path = path;
        _time = time;
    }

    public static ApiKeyStore Open(string dataDirectory, TimeProvider? time = null)
    {
        Directory.CreateDirectory(dataDirectory);
        return new ApiKeyStore(Path.Combine(dataDirectory, FileName), time ?? TimeProvider.System);
    }

    /// <summary>Every key ever created, revoked ones included, oldest first.</summary>
    public IReadOnlyList<ApiKeyRecord> List() => Current();

    /// <summary>Whether any key was ever created; from then on every request needs a valid key, even if all are revoked.</summary>
    public bool AnyCreated => Current().Count > 0;

    /// <summary>Creates a key; the returned secret is the only copy there will ever be.</summary>
    public (ApiKeyRecord Record, string Key) Create(ApiRole role, string? name)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var key = $"{Prefix}{id}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var record = new ApiKeyRecord(id, role, string.IsNullOrWhiteSpace(name) ? null : name, Hash(key), _time.GetUtcNow());
        lock (_lock)
        {
            Save([.. Load(), record]);
        }
        return (record, key);
    }

    /// <summary>Revokes a key by id; revoking a revoked key changes nothing.</summary>
    public ApiKeyRecord Revoke(string id)
    {
        lock (_lock)
        {
            var keys = Load().ToList();
            var index = keys.FindIndex(k => k.Id == id);
            if (index < 0)
            {
                throw LineageHubException.NotFound(SecurityMessages.NoSuchKey(id));
            }
            if (!keys[index].IsRevoked)
            {
                keys[index] = keys[index] with { RevokedAt = _time.GetUtcNow() };
                Save(keys);
            }
            return keys[index];
        }
    }

    /// <summary>The active key <paramref name="key"/> is, or null when it is unknown, revoked or malformed.</summary>
    public ApiKeyRecord? Authenticate(string key)
    {
        if (!key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length > 200)
        {
            return null;
        }
        var separator = key.IndexOf('_', Prefix.Length);
        if (separator < 0)
        {
            return null;
        }
        var id = key[Prefix.Length..separator];
        var record = Current().FirstOrDefault(k => k.Id == id);
        if (record is null || record.IsRevoked)
        {
            return null;
        }
        // Constant time: the comparison must not tell an attacker how much of a guess was right.
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(record.Sha256)) ? record : null;
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // One stat per request: cheap next to the request, and it makes revocation immediate.
    private IReadOnlyList<ApiKeyRecord> Current()
    {
        var info = new FileInfo(_path);
        var version = info.Exists ? (info.LastWriteTimeUtc, info.Length) : (DateTime.MinValue, -1L);
        lock (_lock)
        {
            if (version != _loadedVersion)
            {
                _keys = Load();
                _loadedVersion = version;
            }
            return _keys;
        }
    }

    private List<ApiKeyRecord> Load()
    {
        if (!File.Exists(_path))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<List<ApiKeyRecord>>(File.ReadAllBytes(_path), Json) ?? [];
        }
        catch (JsonException ex)
        {
            // Failing closed: a damaged key file must not turn into "no keys, open access".
            throw LineageHubException.Corrupt(SecurityMessages.KeyFileDamaged(_path, ex.Message), ex);
        }
    }

    private void Save(IReadOnlyList<ApiKeyRecord> keys)
    {
        var temporary = _path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(keys, Json));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temporary, _path, overwrite: true);
        _keys = keys;
        var info = new FileInfo(_path);
        _loadedVersion = (info.LastWriteTimeUtc, info.Length);
    }
}
