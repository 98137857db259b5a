using LineageHub.Core;
using LineageHub.Security;

namespace LineageHub.Api.Tests.Security;

/// <summary>Where the server agrees to listen: loopback always, other addresses only with a key or an explicit opt-out.</summary>
public sealed class ListenAddressesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lineagehub-keys-").FullName;

    [Fact]
    public void Loopback_IsAlwaysAllowed_EvenWithoutKeys()
    {
        var keys = ApiKeyStore.Open(_directory);
        ListenAddresses.Check("http://127.0.0.1:5080;http://[::1]:5080;http://localhost:5080", keys, insecureNoAuth: false);
        Assert.Empty(ListenAddresses.NonLoopback("http://127.0.0.1:5080;http://localhost:1"));
    }

    [Fact]
    public void NonLoopback_WithoutAnActiveKey_IsRefused_UnlessAuthIsKnowinglyOff()
    {
        var keys = ApiKeyStore.Open(_directory);
        var refused = Assert.Throws<LineageHubException>(() => ListenAddresses.Check("http://127.0.0.1:1;http://0.0.0.0:5081", keys, insecureNoAuth: false));
        var (record, _) = keys.Create(ApiRole.Admin, null);
        ListenAddresses.Check("http://0.0.0.0:5081", keys, insecureNoAuth: false);
        keys.Revoke(record.Id);
        var revokedOnly = Assert.Throws<LineageHubException>(() => ListenAddresses.Check("http://0.0.0.0:5081", keys, insecureNoAuth: false));
        ListenAddresses.Check("http://0.0.0.0:5081", keys, insecureNoAuth: true);

        Assert.Equal(SecurityMessages.RefuseExposed("http://0.0.0.0:5081"), refused.Message);
        Assert.Equal(ErrorCode.InvalidInput, revokedOnly.Code);
    }

    [Fact]
    public void Keys_AreStoredAsHashes_AuthenticateUntilRevoked_AndAFileEditedBehindTheStoreIsSeen()
    {
        var keys = ApiKeyStore.Open(_directory);
        var (record, key) = keys.Create(ApiRole.Writer, "ci");
        var file = File.ReadAllText(Path.Combine(_directory, ApiKeyStore.FileName));
        var elsewhere = ApiKeyStore.Open(_directory);

        Assert.DoesNotContain(key, file, StringComparison.Ordinal);
        Assert.Equal(record.Id, elsewhere.Authenticate(key)?.Id);
        Assert.Null(elsewhere.Authenticate(key + "x"));
        Assert.Null(elsewhere.Authenticate("lhk_" + record.Id));
        keys.Revoke(record.Id);
        Assert.Null(elsewhere.Authenticate(key));
        Assert.True(elsewhere.AnyCreated);
        Assert.Equal(ErrorCode.NotFound, Assert.Throws<LineageHubException>(() => keys.Revoke("nope")).Code);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
