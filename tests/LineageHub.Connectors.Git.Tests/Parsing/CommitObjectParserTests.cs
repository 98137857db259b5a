using System.Text;
using LineageHub.Connectors.Git.Parsing;

namespace LineageHub.Connectors.Git.Tests.Parsing;

public sealed class CommitObjectParserTests
{
    private static readonly GitObjectId Commit = GitObjectId.Parse(new string('c', 40));
    private static readonly string Tree = new('e', 40);

    private static Exception Malformed(string detail) => new GitConnectorException(GitErrorKind.MalformedOutput, detail);

    [Fact]
    public void ParsePerson_RegularIdent_KeepsTheOffset()
    {
        var person = CommitObjectParser.ParsePerson("A B <a@b.c> 1700000000 -0330"u8);

        Assert.Equal("A B", person.Name.Text);
        Assert.Equal("a@b.c", person.Email.Text);
        Assert.Equal(new TimeSpan(-3, -30, 0), person.When.Offset);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), person.When);
    }

    [Theory]
    [InlineData("No Email Here 1700000000 +0000")]
    [InlineData("Name <a@b> notanumber +0100")]
    [InlineData("Name <a@b> 99999999999999999999 +0100")]
    [InlineData("Name <a@b>")]
    [InlineData("")]
    public void ParsePerson_BrokenIdent_DegradesInsteadOfThrowing(string ident)
    {
        var person = CommitObjectParser.ParsePerson(Encoding.UTF8.GetBytes(ident));

        Assert.NotNull(person.Name);
        Assert.True(person.When >= DateTimeOffset.MinValue);
    }

    [Fact]
    public void Parse_SignedCommit_SkipsTheSignatureContinuationLines()
    {
        var text = $"tree {Tree}\nparent {new string('1', 40)}\nauthor A <a@b> 1 +0000\ncommitter C <c@d> 2 +0100\n" +
                   "gpgsig -----BEGIN PGP SIGNATURE-----\n \n abcdef\n -----END PGP SIGNATURE-----\n\nsigned message\n";

        var commit = CommitObjectParser.Parse(Commit, Encoding.ASCII.GetBytes(text), false, 1000, Malformed);

        Assert.Equal("signed message\n", commit.Message.Text);
        Assert.Single(commit.Parents);
        Assert.Equal("C", commit.Committer.Name.Text);
    }

    [Fact]
    public void Parse_CommitWithoutAuthor_IsMalformed()
    {
        var text = $"tree {Tree}\ncommitter C <c@d> 2 +0100\n\nmessage\n";

        var error = Assert.Throws<GitConnectorException>(() =>
            CommitObjectParser.Parse(Commit, Encoding.ASCII.GetBytes(text), false, 1000, Malformed));

        Assert.Contains("lacks a author header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ParentThatIsNotAnObjectId_IsMalformed()
    {
        var text = $"tree {Tree}\nparent nope\nauthor A <a@b> 1 +0000\ncommitter C <c@d> 2 +0100\n\nm\n";

        Assert.Throws<GitConnectorException>(() =>
            CommitObjectParser.Parse(Commit, Encoding.ASCII.GetBytes(text), false, 1000, Malformed));
    }
}
