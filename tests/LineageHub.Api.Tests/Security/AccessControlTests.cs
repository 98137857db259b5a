using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LineageHub.Api.Tests.Support;
using LineageHub.Core.Ledger;
using LineageHub.Security;
using LineageHub.Testing;

namespace LineageHub.Api.Tests.Security;

/// <summary>API keys and roles, over HTTP: who may read, register, audit and manage keys, on GraphQL and REST alike.</summary>
public sealed class AccessControlTests : IAsyncLifetime
{
    private const string Mutations = """
        mutation($v: RegisterDatasetVersionInput!, $c: RegisterCommitsInput!, $r: RegisterRunInput!) {
          d: registerDataset(input: { namespace: "s3://lake", name: "events" }) { userErrors { code } }
          v: registerDatasetVersion(input: $v) { userErrors { code } }
          c: registerCommits(input: $c) { userErrors { code } }
          r: registerRun(input: $r) { userErrors { code } }
        }
        """;

    private static readonly object MutationVariables = new
    {
        v = new { @namespace = "s3://lake", name = "events", root = new string('b', 64), mode = "RAW", leafCount = 1, byteSize = 1 },
        c = new
        {
            repository = new { identity = "github.com/acme/etl" },
            commits = new[] { new { sha = "abc", authorName = "A", authorEmail = "a@x", authoredAt = "2026-01-01T00:00:00Z", committerName = "A", committerEmail = "a@x", committedAt = "2026-01-01T00:00:00Z", message = "m" } },
        },
        r = new { job = new { @namespace = "cron", name = "load", type = "ETL" }, runId = "0d5e7a6c-1f3b-4c2e-9a8d-7b6c5d4e3f21", status = "RUNNING" },
    };

    private ApiServer _server = null!;

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task OnLoopback_WithNoKeyEverCreated_AccessIsOpen()
    {
        var (status, body) = await _server.PostAsync(Mutations, MutationVariables);

        Assert.Equal(200, status);
        Assert.All(body.GetProperty("data").EnumerateObject(), m => Assert.Equal(0, m.Value.GetProperty("userErrors").GetArrayLength()));
    }

    [Theory]
    [InlineData(ApiRole.Reader, false)]
    [InlineData(ApiRole.Auditor, false)]
    [InlineData(ApiRole.Writer, true)]
    [InlineData(ApiRole.Admin, true)]
    public async Task EveryMutation_NeedsAWriterOrAdmin_WhileEveryRoleReads(ApiRole role, bool mayWrite)
    {
        var (_, key) = _server.Keys.Create(role, "test");
        foreach (var mutation in new[] { "registerDataset", "registerDatasetVersion", "registerCommits", "registerRun" })
        {
            var one = Mutations.Split('\n').Single(l => l.Contains(mutation + "(", StringComparison.Ordinal));
            var variables = one.Contains("$v", StringComparison.Ordinal) ? "($v: RegisterDatasetVersionInput!)" : one.Contains("$c", StringComparison.Ordinal) ? "($c: RegisterCommitsInput!)" : one.Contains("$r", StringComparison.Ordinal) ? "($r: RegisterRunInput!)" : "";
            var (status, body) = await _server.PostAsync($"mutation{variables} {{ {one} }}", MutationVariables, key);
            if (mayWrite)
            {
                Assert.True(status == 200, $"{mutation}: {body}");
                Assert.Equal(0, body.GetProperty("data").EnumerateObject().Single().Value.GetProperty("userErrors").GetArrayLength());
            }
            else
            {
                Assert.Equal(403, status);
                var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
                Assert.Equal("FORBIDDEN", error.GetProperty("extensions").GetProperty("code").GetString());
                Assert.Contains($"role {ApiPrincipal.RoleName(role)}", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            }
        }
        var read = await _server.QueryAsync("{ ledger { head { size } } datasets { nodes { id } } }", key: key);
        Assert.Equal(mayWrite ? 4 : 0, read.GetProperty("ledger").GetProperty("head").GetProperty("size").GetInt32());
    }

    [Fact]
    public async Task OnceAKeyExists_RequestsWithoutOneOrWithABadOne_AreRefusedAndLoggedWithoutTheKey()
    {
        var (record, key) = _server.Keys.Create(ApiRole.Reader, "dashboard");
        var forged = key[..^4] + "AAAA";

        var none = await _server.PostAsync("{ ledger { head { size } } }");
        var bad = await _server.PostAsync("{ ledger { head { size } } }", key: forged);
        var rest = await _server.Http.GetAsync("/api/ledger/head");
        var health = await _server.Http.GetAsync("/healthz");
        _server.Keys.Revoke(record.Id);
        var revoked = await _server.PostAsync("{ ledger { head { size } } }", key: key);

        Assert.Equal(401, none.Status);
        Assert.Equal(SecurityMessages.KeyRequired, none.Body.GetProperty("message").GetString());
        Assert.Equal(401, bad.Status);
        Assert.Equal(SecurityMessages.KeyInvalid, bad.Body.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, rest.StatusCode);
        Assert.Equal("Bearer", rest.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(401, revoked.Status);
        var refusals = _server.Log.Where(l => l.Contains("refused", StringComparison.Ordinal)).ToList();
        Assert.True(refusals.Count >= 4, string.Join('\n', _server.Log));
        Assert.All(_server.Log, line => Assert.DoesNotContain(key[8..], line, StringComparison.Ordinal));
        Assert.All(_server.Log, line => Assert.DoesNotContain(forged[8..], line, StringComparison.Ordinal));
        Assert.All(_server.Keys.List(), k => Assert.DoesNotContain(key, k.Sha256, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ApiRole.Reader, 403, 403, 403, 200)]
    [InlineData(ApiRole.Auditor, 403, 200, 403, 200)]
    [InlineData(ApiRole.Writer, 200, 403, 403, 200)]
    [InlineData(ApiRole.Admin, 200, 200, 200, 200)]
    public async Task RestEndpoints_ObeyTheSameRoles(ApiRole role, int append, int verify, int keys, int read)
    {
        _server.Keys.Create(ApiRole.Admin, "bootstrap");
        var (_, key) = _server.Keys.Create(role, null);

        Assert.Equal(append, await SendAsync(HttpMethod.Post, "/api/changesets", key, ChangeSetJson.Write(ChangeSet.Builder().Add(Some.Dataset()).Build())));
        Assert.Equal(verify, await SendAsync(HttpMethod.Post, "/api/ledger/verify", key));
        Assert.Equal(keys, await SendAsync(HttpMethod.Get, "/api/keys", key));
        Assert.Equal(keys, await SendAsync(HttpMethod.Post, "/api/keys", key, """{"role":"reader"}"""u8.ToArray()));
        Assert.Equal(read, await SendAsync(HttpMethod.Get, "/api/ledger/head", key));
        Assert.Equal(404, await SendAsync(HttpMethod.Get, "/api/lineage?start=dataset:none%7Cx", key)); // let through, then not found
    }

    [Fact]
    public async Task ServedRequests_AreNotLoggedOneByOne()
    {
        // ASP.NET Core's per-request lines are off by default: a busy server would spend more on them than on the request.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await _server.PostAsync("{ ledger { head { size } } }")).Status);
        }
        Assert.DoesNotContain(_server.Log, line => line.Contains("Request starting", StringComparison.Ordinal) || line.Contains("Executing endpoint", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAdmin_CreatesAKeyOverHttp_ThatWorksAtOnce_AndIsShownOnlyThen()
    {
        var (_, admin) = _server.Keys.Create(ApiRole.Admin, "ops");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/keys") { Content = new StringContent("""{"role":"writer","name":"ci"}""", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        using var response = await _server.Http.SendAsync(request);
        var created = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var key = created.GetProperty("key").GetString()!;

        var listed = await _server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/keys") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", admin) } });
        var (status, _) = await _server.PostAsync("""mutation { registerDataset(input: { namespace: "s3://lake", name: "x" }) { userErrors { code } } }""", key: key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("writer", created.GetProperty("role").GetString());
        Assert.DoesNotContain(key, await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(200, status);
    }

    private async Task<int> SendAsync(HttpMethod method, string path, string key, byte[]? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        }
        using var response = await _server.Http.SendAsync(request);
        return (int)response.StatusCode;
    }
}
