using System.Globalization;
using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Language;
using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Types;

/// <summary>
/// The five specified scalars (spec 3.5.1-3.5.5). Coercion rules and messages follow graphql-js so that
/// results and errors match the reference implementation.
/// </summary>
internal static class BuiltInScalars
{
    public static ScalarType Create(string name)
    {
        var scalar = new ScalarType(name, null);
        switch (name)
        {
            case "Int":
                scalar.Description = "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.";
                scalar.Serialize = SerializeInt;
                scalar.ParseValue = ParseIntValue;
                scalar.ParseLiteral = (node, _) => node is IntValueNode i
                    ? int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : throw new CoercionException(CoercionMessages.IntOutOfRange(i.Value))
                    : throw new CoercionException(CoercionMessages.IntNonInteger(Printer.Print(node)));
                break;
            case "Float":
                scalar.Description = "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).";
                scalar.Serialize = SerializeFloat;
                scalar.ParseValue = v => ToDouble(v) is double d && double.IsFinite(d) ? d : throw new CoercionException(CoercionMessages.FloatNonNumeric(Inspect.Value(v)));
                scalar.ParseLiteral = (node, _) => node switch
                {
                    IntValueNode i => double.Parse(i.Value, CultureInfo.InvariantCulture),
                    FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
                    _ => throw new CoercionException(CoercionMessages.FloatNonNumeric(Printer.Print(node))),
                };
                break;
            case "String":
                scalar.Description = "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.";
                scalar.Serialize = SerializeString;
                scalar.ParseValue = v => v as string ?? throw new CoercionException(CoercionMessages.StringNonString(Inspect.Value(v)));
                scalar.ParseLiteral = (node, _) => node is StringValueNode s ? s.Value : throw new CoercionException(CoercionMessages.StringNonString(Printer.Print(node)));
                break;
            case "Boolean":
                scalar.Description = "The `Boolean` scalar type represents `true` or `false`.";
                scalar.Serialize = SerializeBoolean;
                scalar.ParseValue = v => v is bool b ? b : throw new CoercionException(CoercionMessages.BooleanNonBoolean(Inspect.Value(v)));
                scalar.ParseLiteral = (node, _) => node is BooleanValueNode b ? b.Value : throw new CoercionException(CoercionMessages.BooleanNonBoolean(Printer.Print(node)));
                break;
            case "ID":
                scalar.Description = "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.";
                scalar.Serialize = SerializeId;
                scalar.ParseValue = v => v switch
                {
                    string s => s,
                    int or long or short or byte => Convert.ToString(v, CultureInfo.InvariantCulture)!,
                    double d when double.IsInteger(d) && Math.Abs(d) < 1e21 => ((long)d).ToString(CultureInfo.InvariantCulture),
                    _ => throw new CoercionException(CoercionMessages.IdCannotRepresent(Inspect.Value(v))),
                };
                scalar.ParseLiteral = (node, _) => node switch
                {
                    StringValueNode s => s.Value,
                    IntValueNode i => i.Value,
                    _ => throw new CoercionException(CoercionMessages.IdNonStringNonInteger(Printer.Print(node))),
                };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "not a specified scalar");
        }
        return scalar;
    }

    private static object ParseIntValue(object v)
    {
        var d = ToDouble(v);
        if (d is null || v is bool)
        {
            throw new CoercionException(CoercionMessages.IntNonInteger(Inspect.Value(v)));
        }
        if (!double.IsInteger(d.Value))
        {
            throw new CoercionException(CoercionMessages.IntNonInteger(Inspect.Value(v)));
        }
        if (d.Value > int.MaxValue || d.Value < int.MinValue)
        {
            throw new CoercionException(CoercionMessages.IntOutOfRange(Inspect.Value(v)));
        }
        return (int)d.Value;
    }

    private static object SerializeInt(object v)
    {
        switch (v)
        {
            // Returned as given: re-boxing the int allocated once per Int field of every result.
            case int:
                return v;
            case bool b:
                return b ? 1 : 0;
            case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && s.Trim().Length > 0:
                return SerializeInt(parsed);
        }
        var d = ToDouble(v);
        if (d is null || !double.IsInteger(d.Value))
        {
            throw new CoercionException(CoercionMessages.IntNonInteger(Inspect.Value(v)));
        }
        if (d.Value > int.MaxValue || d.Value < int.MinValue)
        {
            throw new CoercionException(CoercionMessages.IntOutOfRange(Inspect.Value(v)));
        }
        return (int)d.Value;
    }

    private static object SerializeFloat(object v)
    {
        switch (v)
        {
            case bool b:
                return b ? 1.0 : 0.0;
            case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && s.Trim().Length > 0:
                v = parsed;
                break;
        }
        if (v is double already && double.IsFinite(already))
        {
            return v;
        }
        var d = ToDouble(v);
        return d is double x && double.IsFinite(x) ? x : throw new CoercionException(CoercionMessages.FloatNonNumeric(Inspect.Value(v)));
    }

    private static object SerializeString(object v) => v switch
    {
        string s => s,
        Execution.IJsonStringValue text => text,
        bool b => b ? "true" : "false",
        double d when double.IsFinite(d) => Inspect.Number(d),
        float f when float.IsFinite(f) => Inspect.Number(f),
        int or long or short or byte or uint or ulong or ushort or sbyte or decimal => Convert.ToString(v, CultureInfo.InvariantCulture)!,
        char c => c.ToString(),
        Guid g => g.ToString(),
        Enum e => e.ToString(),
        _ => throw new CoercionException(CoercionMessages.StringCannotRepresent(Inspect.Value(v))),
    };

    private static object SerializeBoolean(object v) => v switch
    {
        bool => v,
        _ when ToDouble(v) is double d && double.IsFinite(d) => d != 0,
        _ => throw new CoercionException(CoercionMessages.BooleanNonBoolean(Inspect.Value(v))),
    };

    private static object SerializeId(object v) => v switch
    {
        string s => s,
        Execution.IJsonStringValue text => text,
        Guid g => g.ToString(),
        int or long or short or byte or uint or ulong or ushort or sbyte => Convert.ToString(v, CultureInfo.InvariantCulture)!,
        double d when double.IsInteger(d) => Inspect.Number(d),
        _ => throw new CoercionException(CoercionMessages.IdCannotRepresent(Inspect.Value(v))),
    };

    public static double? ToDouble(object? v) => v switch
    {
        int i => i,
        long l => l,
        double d => d,
        float f => f,
        decimal m => (double)m,
        short s => s,
        byte b => b,
        sbyte sb => sb,
        ushort us => us,
        uint ui => ui,
        ulong ul => ul,
        _ => null,
    };
}
