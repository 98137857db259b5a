using System.Text;
using LineageHub.Connectors.Datasets.Tests.Support;
using LineageHub.Core;

namespace LineageHub.Connectors.Datasets.Tests.Tables;

/// <summary>Mutated CSV and JSON Lines: every outcome is a root or a LineageHubException with a message, never another exception.</summary>
public sealed class ReaderFuzzTests : IDisposable
{
    private const int Cases = 400;
    private readonly TemporaryDirectory _dir = new();

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    public void MutatedInput_NeverEscapesAsAnUnexpectedException(string format)
    {
        var seed = format == "csv"
            ? Encoding.UTF8.GetBytes("id,name,note,at\n1,\"a, b\",\"say \"\"hi\"\"\",2024-01-01T00:00:00Z\n2,,\"\",1.5e3\r\n3,\"multi\nline\",x,-0\n4,é,ü,true\n")
            : Encoding.UTF8.GetBytes("{\"id\":1,\"name\":\"a\\u00e9\",\"o\":{\"b\":[1,2]}}\n{\"id\":2,\"name\":null,\"o\":1.5e3}\n{\"o\":true,\"id\":3}\n");
        var random = new Random(format == "csv" ? 4180 : 7464);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < Cases; i++)
        {
            var mutated = Mutate(seed, random);
            var path = _dir.File($"case.{format}", mutated);
            try
            {
                Snap.Table(path, random.Next(3) == 0 ? "id" : null);
                outcomes["root"] = outcomes.GetValueOrDefault("root") + 1;
            }
            catch (LineageHubException ex)
            {
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
                Assert.StartsWith(path, ex.Message, StringComparison.Ordinal);
                outcomes["error"] = outcomes.GetValueOrDefault("error") + 1;
            }
            catch (Exception ex)
            {
                Assert.Fail($"case {i} ({Convert.ToBase64String(mutated)}) threw {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
            }
        }
        // Both outcomes must occur, or the mutations are not testing the readers.
        Assert.True(outcomes.GetValueOrDefault("root") >= 5 && outcomes.GetValueOrDefault("error") >= 5, string.Join(", ", outcomes));
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = seed.ToList();
        ReadOnlySpan<byte> interesting = "\",\n\r{}[]:\\0-.eE \u00ff"u8;
        for (var n = random.Next(1, 3); n > 0; n--)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(5))
            {
                case 0 when at < bytes.Count:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.Insert(at, interesting[random.Next(interesting.Length)]);
                    break;
                case 2 when at < bytes.Count:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes.InsertRange(at, bytes.Skip(random.Next(bytes.Count)).Take(random.Next(1, 20)).ToList());
                    break;
            }
        }
        return [.. bytes];
    }

    public void Dispose() => _dir.Dispose();
}
