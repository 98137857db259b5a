using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using LineageHub.Core.Consent;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;

namespace LineageHub.Core.Evidence.Sampling;

/// <summary>
/// Which subjects a sample holds (schema/consent.md, "Deriving a sample"): a seed hashed from the signed
/// tree head, the question and the verifier's challenge; draw <c>k</c> = SHA-256(seed ‖ u64(k)) read as a
/// big-endian integer mod the population size; repeats skipped. Nothing in it is chosen by the prover, so
/// anyone holding the sample, or the bundle, recomputes the same subjects.
/// </summary>
public static class SampleDerivation
{
    /// <summary>The most UTF-8 bytes of a challenge.</summary>
    public const int MaxChallengeBytes = 256;

    private const long NoTime = long.MaxValue;

    public static Digest Seed(SignedTreeHead head, EvidenceQuestion question, string challenge)
    {
        var bytes = new List<byte>(256);
        bytes.AddRange(Encoding.ASCII.GetBytes(EvidenceSample.Format));
        AddInt64(bytes, head.Size);
        bytes.AddRange(head.Root.Bytes.ToArray());
        AddText(bytes, question.ModelVersion, "the model version");
        AddText(bytes, question.Purpose, "the purpose");
        AddInt64(bytes, question.AsOf is { } asOf ? ConsentRecordCodec.Micros(asOf) : NoTime);
        AddInt64(bytes, question.LedgerSize);
        AddText(bytes, CheckChallenge(challenge), "the challenge");
        return Digest.FromBytes(SHA256.HashData([.. bytes]));
    }

    /// <summary>The challenge, refused when it is longer than <see cref="MaxChallengeBytes"/> UTF-8 bytes.</summary>
    public static string CheckChallenge(string challenge)
    {
        if (Encoding.UTF8.GetByteCount(challenge) > MaxChallengeBytes)
        {
            throw LineageHubException.InvalidInput(SampleMessages.ChallengeTooLong(MaxChallengeBytes));
        }
        return challenge;
    }

    /// <summary>The sample size, refused when below 1 or above <see cref="EvidenceSample.MaxSubjects"/>.</summary>
    public static int CheckSize(int requested)
    {
        if (requested < 1)
        {
            throw LineageHubException.InvalidInput(SampleMessages.SizeTooSmall(requested));
        }
        if (requested > EvidenceSample.MaxSubjects)
        {
            throw LineageHubException.InvalidInput(SampleMessages.SizeTooLarge(requested, EvidenceSample.MaxSubjects));
        }
        return requested;
    }

    /// <summary>
    /// The positions (0 to <paramref name="population"/> − 1) of a sample of <paramref name="requested"/>
    /// subjects, in draw order; when as many or more are asked for than there are, all of them in order.
    /// </summary>
    public static long[] Positions(Digest seed, long population, int requested)
    {
        CheckSize(requested);
        if (requested >= population)
        {
            return [.. LongRange(Math.Max(population, 0))];
        }
        var modulus = new BigInteger(population);
        var positions = new List<long>(requested);
        var seen = new HashSet<long>();
        Span<byte> input = stackalloc byte[Digest.Size + 8];
        Span<byte> draw = stackalloc byte[Digest.Size];
        seed.Bytes.CopyTo(input);
        for (ulong k = 0; positions.Count < requested; k++)
        {
            BinaryPrimitives.WriteUInt64BigEndian(input[Digest.Size..], k);
            SHA256.HashData(input, draw);
            // The whole 256-bit draw, reduced: the bias towards small positions is below 2^-190.
            var position = (long)(new BigInteger(draw, isUnsigned: true, isBigEndian: true) % modulus);
            if (seen.Add(position))
            {
                positions.Add(position);
            }
        }
        return [.. positions];
    }

    /// <summary>The population: the sources the verdict decides subject by subject (no declaration covers them), in the case's order.</summary>
    public static IReadOnlyList<SampleSource> Population(ConsentCase @case) =>
        [.. @case.Sources.Where(s => s.Declaration is null && s.Subjects is not null)
            .Select(s => new SampleSource(s.DatasetVersion.ToString(), s.Source, s.Subjects!.Root, s.Subjects.Count))];

    /// <summary>The source holding population position <paramref name="position"/>, and the subject's leaf index in its set.</summary>
    public static (SampleSource Source, long Index) Locate(IReadOnlyList<SampleSource> population, long position)
    {
        var offset = 0L;
        foreach (var source in population)
        {
            if (position - offset < source.Subjects)
            {
                return (source, position - offset);
            }
            offset += source.Subjects;
        }
        throw LineageHubException.InvalidInput(SampleMessages.PositionOutside(position, offset));
    }

    private static IEnumerable<long> LongRange(long count)
    {
        for (var i = 0L; i < count; i++)
        {
            yield return i;
        }
    }

    private static void AddInt64(List<byte> bytes, long value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(buffer, value);
        bytes.AddRange(buffer.ToArray());
    }

    private static void AddText(List<byte> bytes, string text, string what)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        if (utf8.Length > ushort.MaxValue)
        {
            throw LineageHubException.InvalidInput($"{what} is longer than {ushort.MaxValue} UTF-8 bytes");
        }
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)utf8.Length);
        bytes.AddRange(length.ToArray());
        bytes.AddRange(utf8);
    }
}
