using System.Text;
using LineageHub.Connectors.Git.Parsing;

namespace LineageHub.Connectors.Git.Tests.Parsing;

public sealed class DiffParserTests
{
    private static readonly string Zero = new('0', 40);
    private static readonly string A = new('a', 40);

    private static DiffParser Parser() => new(detail => new GitConnectorException(GitErrorKind.MalformedOutput, detail));

    [Fact]
    public void Finish_MoreRawThanNumstatRecords_IsMalformed()
    {
        var parser = Parser();
        parser.Add(Encoding.ASCII.GetBytes($":000000 100644 {Zero} {A} A"));
        parser.Add("x.txt"u8);

        var error = Assert.Throws<GitConnectorException>(parser.Finish);

        Assert.Equal(GitErrorKind.MalformedOutput, error.Kind);
    }

    [Fact]
    public void Add_RawRecordWithTooFewFields_IsMalformed()
    {
        var parser = Parser();

        Assert.Throws<GitConnectorException>(() => parser.Add(Encoding.ASCII.GetBytes($":000000 100644 {Zero} A")));
    }

    [Fact]
    public void Add_NumstatCountThatIsNotANumber_IsMalformed()
    {
        var parser = Parser();
        parser.Add(Encoding.ASCII.GetBytes($":000000 100644 {Zero} {A} A"));
        parser.Add("x.txt"u8);

        Assert.Throws<GitConnectorException>(() => parser.Add("1\tzz\tx.txt"u8));
    }
}
