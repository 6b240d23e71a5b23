using System.IO.Hashing;

namespace Stowage.Core.Checksums;

/// <summary>
/// Combines the CRCs of two adjacent pieces of data into the CRC of their concatenation without the data:
/// zlib's crc32_combine (multmodp / x2nmodp, Mark Adler, zlib 1.2.12) generalized to a reflected CRC of any
/// width up to 64 bits whose init and xorout are equal (all ones for the three CRCs S3 knows), so the
/// conditioning cancels. Polynomials are kept reflected: the top bit of a value is the coefficient of x^0.
/// </summary>
internal sealed class CrcCombiner
{
    // x^(2^k) mod p for k up to 3 (bytes to bits) + 64 (bits of the length).
    private const int TableSize = 68;

    private readonly int _width;
    private readonly ulong _reflectedPolynomial;
    private readonly ulong[] _x2n = new ulong[TableSize];

    public CrcCombiner(int width, ulong reflectedPolynomial)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 64);
        _width = width;
        _reflectedPolynomial = reflectedPolynomial;
        _x2n[0] = 1UL << (width - 2); // x^1
        for (var k = 1; k < TableSize; k++)
        {
            _x2n[k] = MultiplyModP(_x2n[k - 1], _x2n[k - 1]);
        }
    }

    /// <summary>The polynomial with its bits reversed (x^0 in the top bit of the width).</summary>
    public ulong ReflectedPolynomial => _reflectedPolynomial;

    /// <summary>The combiner of a System.IO.Hashing CRC-32, which gives its polynomial in normal form.</summary>
    public static CrcCombiner For(Crc32ParameterSet parameters)
    {
        EnsureCombinable(parameters.ReflectValues, parameters.InitialValue, parameters.FinalXorValue);
        return new CrcCombiner(32, Reflect(parameters.Polynomial, 32));
    }

    /// <summary>The combiner of a System.IO.Hashing CRC-64.</summary>
    public static CrcCombiner For(Crc64ParameterSet parameters)
    {
        EnsureCombinable(parameters.ReflectValues, parameters.InitialValue, parameters.FinalXorValue);
        return new CrcCombiner(64, Reflect(parameters.Polynomial, 64));
    }

    /// <summary>The CRC of A then B, from crc(A), crc(B) and the length of B in bytes.</summary>
    public ulong Combine(ulong crc1, ulong crc2, long length2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length2);
        return MultiplyModP(XPow2NModP((ulong)length2, 3), crc1) ^ crc2;
    }

    private static void EnsureCombinable(bool reflected, ulong initialValue, ulong finalXorValue)
    {
        if (!reflected || initialValue != finalXorValue)
        {
            throw new ArgumentException("Only a reflected CRC whose initial value equals its final XOR can be combined this way.");
        }
    }

    private static ulong Reflect(ulong value, int width)
    {
        ulong reflected = 0;
        for (var i = 0; i < width; i++)
        {
            reflected = (reflected << 1) | ((value >> i) & 1);
        }

        return reflected;
    }

    // a(x) * b(x) mod p(x), both reflected.
    private ulong MultiplyModP(ulong a, ulong b)
    {
        if (a == 0)
        {
            return 0;
        }

        var m = 1UL << (_width - 1);
        ulong p = 0;
        while (true)
        {
            if ((a & m) != 0)
            {
                p ^= b;
                if ((a & (m - 1)) == 0)
                {
                    return p;
                }
            }

            m >>= 1;
            b = (b & 1) != 0 ? (b >> 1) ^ _reflectedPolynomial : b >> 1;
        }
    }

    // x^(n * 2^k) mod p(x).
    private ulong XPow2NModP(ulong n, int k)
    {
        var p = 1UL << (_width - 1); // x^0
        while (n != 0)
        {
            if ((n & 1) != 0)
            {
                p = MultiplyModP(_x2n[k], p);
            }

            n >>= 1;
            k++;
        }

        return p;
    }
}
