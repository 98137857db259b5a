using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Tests.Types;

public sealed class SchemaTests
{
    [Fact]
    public void FromSdl_BuildsAllKindsWithExtensionsAndDirectives()
    {
        var schema = Schema.FromSdl("""
            type Query { a: A u: U e: E }
            interface Base { id: ID! }
            interface Named implements Base { id: ID! name: String }
            type A implements Named & Base { id: ID! name: String old: Int @deprecated }
            type B { x: Int }
            union U = A
            extend union U = B
            enum E { ONE TWO @deprecated(reason: "gone") }
            extend enum E { THREE }
            input I @oneOf { a: Int b: String }
            scalar Url @specifiedBy(url: "https://example.com/url")
            directive @tag(name: String!) repeatable on OBJECT | FIELD_DEFINITION
            extend type A @tag(name: "x") { extra(arg: I): Url }
            """);
        var a = Assert.IsType<ObjectType>(schema.GetType("A"));
        Assert.Equal(["Named", "Base"], a.Interfaces.Select(i => i.Name));
        Assert.Equal(["id", "name", "old", "extra"], a.Fields.Keys);
        Assert.Equal("No longer supported", a.Fields["old"].DeprecationReason);
        Assert.Equal(["Base"], Assert.IsType<InterfaceType>(schema.GetType("Named")).Interfaces.Select(i => i.Name));
        Assert.Equal(["A", "B"], Assert.IsType<UnionType>(schema.GetType("U")).Types.Select(t => t.Name));
        var e = Assert.IsType<EnumType>(schema.GetType("E"));
        Assert.Equal(["ONE", "TWO", "THREE"], e.Values.Keys);
        Assert.Equal("gone", e.Values["TWO"].DeprecationReason);
        Assert.True(Assert.IsType<InputObjectType>(schema.GetType("I")).IsOneOf);
        Assert.Equal("https://example.com/url", Assert.IsType<ScalarType>(schema.GetType("Url")).SpecifiedByUrl);
        Assert.True(schema.GetDirective("tag")!.IsRepeatable);
        Assert.Equal(["A"], schema.GetPossibleTypes(schema.GetType("Base")!).Select(t => t.Name));
        Assert.Equal("[String!]!", new NonNullType(new ListType(new NonNullType(schema.GetType("String")!))).ToString());
    }

    [Theory]
    [InlineData("type Query { a: Missing }", "Unknown type \"Missing\".")]
    [InlineData("type Query { a: Int } scalar Query", "There can be only one type named \"Query\".")]
    [InlineData("type Query { a: Int } type Query { b: Int }", "There can be only one type named \"Query\".")]
    [InlineData("type Query { a: Int } extend type Nope { b: Int }", "Cannot extend type \"Nope\" because it is not defined.")]
    [InlineData("type Query { a: Int } interface I { x: Int } type T implements I { y: Int }", "Interface field I.x expected but T does not provide it.")]
    [InlineData("type Query { a: In }", "Unknown type \"In\".")]
    [InlineData("type Other { a: Int }", "Query root type must be provided.")]
    [InlineData("type Query { a(x: Query): Int }", "The type of \"x\" must be Input Type but got: Query.")]
    [InlineData("input I { a: Int } type Query { a: I }", "The type of Query.a must be Output Type but got: I.")]
    public void FromSdl_InvalidSchema_ThrowsWithReason(string sdl, string message)
    {
        Assert.Equal(message, Assert.Throws<SchemaException>(() => Schema.FromSdl(sdl)).Message);
    }

    [Fact]
    public void FindByInternalValue_FollowsBindingsMadeAfterTheFirstLookUp_AndFallsBackToNames()
    {
        var schema = Schema.FromSdl("type Query { e: E } enum E { ONE TWO THREE }");
        var e = Assert.IsType<EnumType>(schema.GetType("E"));
        Assert.Equal("TWO", e.FindByInternalValue("TWO")?.Name);

        schema.BindEnumValue("E", "ONE", 1).BindEnumValue("E", "TWO", 2).BindEnumValue("E", "THREE", 2);

        Assert.Equal("ONE", e.FindByInternalValue(1)?.Name);
        // Two values bound to one internal value: the first in definition order answers, as before.
        Assert.Equal("TWO", e.FindByInternalValue(2)?.Name);
        Assert.Null(e.FindByInternalValue(3));
        Assert.Null(e.FindByInternalValue(2L));
        Assert.Equal("THREE", e.FindByInternalValue("THREE")?.Name);
    }

    [Fact]
    public void Bind_UnknownTypeOrField_Throws()
    {
        var schema = Schema.FromSdl("type Query { a: Int }");
        Assert.Equal(SchemaMessages.NoField("Query", "b"), Assert.Throws<SchemaException>(() => schema.Resolve("Query", "b", _ => 1)).Message);
        Assert.Equal(SchemaMessages.NotObject("Nope"), Assert.Throws<SchemaException>(() => schema.Resolve("Nope", "a", _ => 1)).Message);
        Assert.Throws<SchemaException>(() => schema.BindScalar("Int", v => v, v => v));
    }
}
