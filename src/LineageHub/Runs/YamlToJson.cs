using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LineageHub.Core;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LineageHub.Runs;

/// <summary>
/// Reads one YAML document into JSON, resolving plain scalars by the YAML 1.2 core schema (null, booleans,
/// integers, floats; anything else is a string). Anchors and aliases are refused — a manifest has no use for
/// them and they are how a small file expands into a huge one — as are duplicate keys, nesting beyond
/// <see cref="MaxDepth"/> and more than <see cref="MaxNodes"/> values. Every value's JSON pointer is mapped
/// to its line and column, so later errors can point into the file.
/// </summary>
public static partial class YamlToJson
{
    public const int MaxDepth = 32;
    public const int MaxNodes = 200_000;

    public static (JsonNode? Root, IReadOnlyDictionary<string, Mark> Marks) Read(string text, string file)
    {
        var marks = new Dictionary<string, Mark>(StringComparer.Ordinal);
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return (null, marks);
            }
            parser.Consume<DocumentStart>();
            var nodes = 0;
            var root = ReadNode(parser, "", 0, ref nodes, marks, file);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                throw Error(file, parser.Current?.Start ?? Mark.Empty, RunManifestMessages.YamlSeveralDocuments);
            }
            return (root, marks);
        }
        catch (YamlException ex)
        {
            throw Error(file, ex.Start, ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this on some malformed flow collections instead of a YamlException;
            // the last value read is the best place to point at.
            throw Error(file, marks.Count > 0 ? marks.Values.Last() : Mark.Empty, RunManifestMessages.YamlMalformed(ex.Message));
        }
    }

    private static JsonNode? ReadNode(IParser parser, string pointer, int depth, ref int nodes, Dictionary<string, Mark> marks, string file)
    {
        if (++nodes > MaxNodes)
        {
            throw Error(file, parser.Current!.Start, RunManifestMessages.YamlTooManyValues(MaxNodes));
        }
        if (depth > MaxDepth)
        {
            throw Error(file, parser.Current!.Start, RunManifestMessages.YamlTooDeep(MaxDepth));
        }
        var current = parser.Current!;
        marks[pointer] = current.Start;
        if (current is AnchorAlias || current is NodeEvent { Anchor.IsEmpty: false })
        {
            throw Error(file, current.Start, RunManifestMessages.YamlAnchors);
        }
        switch (current)
        {
            case Scalar scalar:
                parser.MoveNext();
                return Resolve(scalar, file);
            case SequenceStart:
            {
                parser.MoveNext();
                var array = new JsonArray();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    array.Add(ReadNode(parser, $"{pointer}/{array.Count}", depth + 1, ref nodes, marks, file));
                }
                return array;
            }
            case MappingStart:
            {
                parser.MoveNext();
                var map = new JsonObject();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyEvent = parser.Current!;
                    if (keyEvent is not Scalar key)
                    {
                        throw Error(file, keyEvent.Start, RunManifestMessages.YamlComplexKey);
                    }
                    parser.MoveNext();
                    if (map.ContainsKey(key.Value))
                    {
                        throw Error(file, key.Start, RunManifestMessages.YamlDuplicateKey(key.Value));
                    }
                    map[key.Value] = ReadNode(parser, $"{pointer}/{EscapePointer(key.Value)}", depth + 1, ref nodes, marks, file);
                }
                return map;
            }
            default:
                throw Error(file, current.Start, RunManifestMessages.YamlUnexpected(current.GetType().Name));
        }
    }

    // YAML 1.2 core schema for plain scalars; quoted and block scalars are always strings.
    private static JsonNode? Resolve(Scalar scalar, string file)
    {
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag is not null && tag != "tag:yaml.org,2002:str")
        {
            throw Error(file, scalar.Start, RunManifestMessages.YamlTag(tag));
        }
        var value = scalar.Value;
        if (tag is not null || scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }
        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }
        if (value is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }
        if (value is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }
        if (IntegerPattern().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }
        if (FloatPattern().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
        {
            return JsonValue.Create(real);
        }
        return JsonValue.Create(value);
    }

    private static string EscapePointer(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static LineageHubException Error(string file, Mark at, string message) =>
        LineageHubException.InvalidInput($"{file}:{at.Line}:{at.Column}: {message}");

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
