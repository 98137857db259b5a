using System.Text.Json;
using LineageHub.Api.GraphQL;
using LineageHub.Api.Tests.Support;
using LineageHub.GraphQL.Language;

namespace LineageHub.Api.Tests.GraphQL;

/// <summary>The schema is the API's contract: any change to it must show up as a diff of the approved print.</summary>
public sealed class SchemaApprovalTests
{
    private static readonly string ApprovedPath = Path.Combine(AppContext.BaseDirectory, "Approved", "lineagehub.printed.graphql");

    [Fact]
    public async Task PrintedSchema_MatchesTheApprovedPrint()
    {
        var printed = Printer.Print(Parser.Parse(LineageSchema.Sdl)) + "\n";
        if (!File.Exists(ApprovedPath) || await File.ReadAllTextAsync(ApprovedPath) != printed)
        {
            // Beside the approved file, so approving a deliberate change is copying one file over the other.
            Directory.CreateDirectory(Path.GetDirectoryName(ApprovedPath)!);
            await File.WriteAllTextAsync(Path.ChangeExtension(ApprovedPath, ".received.graphql"), printed);
        }
        Assert.True(File.Exists(ApprovedPath), $"no approved print {ApprovedPath}; received:\n{printed}");
        Assert.Equal(await File.ReadAllTextAsync(ApprovedPath), printed);
    }

    [Fact]
    public async Task TheServer_ServesExactlyTheSchemaFile_WithADescriptionOnEveryTypeAndField()
    {
        await using var server = await ApiServer.StartAsync();
        var data = await server.QueryAsync("""
            { __schema { types { name description kind fields { name description } inputFields { name description } enumValues { name description } } } }
            """);
        var served = data.GetProperty("__schema").GetProperty("types").EnumerateArray().Where(t => !t.GetProperty("name").GetString()!.StartsWith("__", StringComparison.Ordinal)).ToList();
        var declared = Parser.Parse(LineageSchema.Sdl).Definitions.OfType<LineageHub.GraphQL.Language.Ast.TypeDefinitionNode>().Select(d => d.Name).ToHashSet();

        Assert.Subset(served.Select(t => t.GetProperty("name").GetString()!).ToHashSet(), declared);
        var builtIn = new HashSet<string> { "String", "Int", "Float", "Boolean", "ID" };
        foreach (var type in served.Where(t => !builtIn.Contains(t.GetProperty("name").GetString()!)))
        {
            Assert.False(string.IsNullOrWhiteSpace(type.GetProperty("description").GetString()), $"type {type.GetProperty("name")} has no description");
            foreach (var member in new[] { "fields", "inputFields", "enumValues" }.SelectMany(m => type.GetProperty(m).ValueKind == JsonValueKind.Array ? type.GetProperty(m).EnumerateArray() : Enumerable.Empty<JsonElement>()))
            {
                Assert.False(string.IsNullOrWhiteSpace(member.GetProperty("description").GetString()), $"{type.GetProperty("name")}.{member.GetProperty("name")} has no description");
            }
        }
    }
}
