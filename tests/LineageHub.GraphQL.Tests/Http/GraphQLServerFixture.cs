using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LineageHub.GraphQL.Tests.Http;

/// <summary>A real Kestrel server on 127.0.0.1 (a free port) serving the library schema at /graphql.</summary>
public sealed class GraphQLServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri Endpoint { get; private set; } = null!;

    public HttpClient Client { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        var executor = Some.LibraryExecutor(new ExecutorOptions { MaxDepth = 6 });
        _app.MapGraphQL("/graphql", executor, new GraphQLHttpOptions { MaxRequestBytes = 64 * 1024, Timeout = TimeSpan.FromSeconds(5) });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Endpoint = new Uri(address + "/graphql");
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
