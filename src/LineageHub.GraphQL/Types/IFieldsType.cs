namespace LineageHub.GraphQL.Types;

/// <summary>Objects and interfaces: types with output fields and implemented interfaces.</summary>
public interface IFieldsType
{
    /// <summary>The type's name.</summary>
    string Name { get; }

    /// <summary>Fields in definition order.</summary>
    IReadOnlyDictionary<string, FieldDefinition> Fields { get; }

    /// <summary>Interfaces this type implements, in definition order.</summary>
    IReadOnlyList<InterfaceType> Interfaces { get; }
}
