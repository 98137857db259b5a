using LineageHub.Core;
using LineageHub.Core.Domain;

namespace LineageHub.Api.GraphQL;

/// <summary>Reads the ids clients send: global node ids (<c>kind:key</c>) and run UUIDs.</summary>
internal static class Ids
{
    public static NodeKey Parse(string text, string argument) =>
        NodeKey.TryParse(text, out var key) ? key : throw LineageHubException.InvalidInput(ApiMessages.BadId(argument, text));

    public static NodeKey Parse(string text, string argument, NodeKind kind)
    {
        var key = Parse(text, argument);
        return key.Kind == kind ? key : throw LineageHubException.InvalidInput(ApiMessages.WrongKind(argument, text, NodeKinds.Name(kind)));
    }

    public static Guid Uuid(string text, string argument) =>
        Guid.TryParse(text, out var id) ? id : throw LineageHubException.InvalidInput(ApiMessages.NotUuid(argument, text));
}
