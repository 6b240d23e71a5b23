using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Stowage.Processing.RemoteFetch;

/// <summary>
/// Decides which addresses a download link may not reach: everything that is not ordinary public unicast,
/// per the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and the RFCs cited below).
/// </summary>
internal static class AddressClassifier
{
    private static readonly (uint Network, int PrefixLength)[] ForbiddenIPv4 =
    [
        (0x00000000, 8),  // 0.0.0.0/8 "this network", includes the unspecified 0.0.0.0 (RFC 1122 3.2.1.3)
        (0x0A000000, 8),  // 10.0.0.0/8 private (RFC 1918)
        (0x64400000, 10), // 100.64.0.0/10 shared address space, carrier-grade NAT (RFC 6598)
        (0x7F000000, 8),  // 127.0.0.0/8 loopback (RFC 1122)
        (0xA9FE0000, 16), // 169.254.0.0/16 link-local, cloud metadata endpoints live here (RFC 3927)
        (0xAC100000, 12), // 172.16.0.0/12 private (RFC 1918)
        (0xC0000000, 24), // 192.0.0.0/24 IETF protocol assignments (RFC 6890)
        (0xC0000200, 24), // 192.0.2.0/24 TEST-NET-1 documentation (RFC 5737)
        (0xC0586300, 24), // 192.88.99.0/24 deprecated 6to4 relay anycast (RFC 7526)
        (0xC0A80000, 16), // 192.168.0.0/16 private (RFC 1918)
        (0xC6120000, 15), // 198.18.0.0/15 benchmarking (RFC 2544)
        (0xC6336400, 24), // 198.51.100.0/24 TEST-NET-2 (RFC 5737)
        (0xCB007100, 24), // 203.0.113.0/24 TEST-NET-3 (RFC 5737)
        (0xE0000000, 4),  // 224.0.0.0/4 multicast (RFC 5771)
        (0xF0000000, 4),  // 240.0.0.0/4 reserved, includes 255.255.255.255 limited broadcast (RFC 1112, RFC 919)
    ];

    public static bool IsForbidden(IPAddress address) => address.AddressFamily switch
    {
        AddressFamily.InterNetwork => IsForbiddenIPv4(BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes())),
        AddressFamily.InterNetworkV6 => IsForbiddenIPv6(address.GetAddressBytes()),
        _ => true,
    };

    private static bool IsForbiddenIPv4(uint address)
    {
        foreach (var (network, prefixLength) in ForbiddenIPv4)
        {
            var mask = uint.MaxValue << (32 - prefixLength);
            if ((address & mask) == network)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsForbiddenIPv6(ReadOnlySpan<byte> bytes)
    {
        var embeddedIPv4 = BinaryPrimitives.ReadUInt32BigEndian(bytes[12..]);

        // ::ffff:0:0/96 IPv4-mapped (RFC 4291 2.5.5.2): judged as the IPv4 address it carries.
        if (bytes[..10].IndexOfAnyExcept((byte)0) < 0 && bytes[10] == 0xFF && bytes[11] == 0xFF)
        {
            return IsForbiddenIPv4(embeddedIPv4);
        }

        // ::/96: unspecified ::, loopback ::1 and the deprecated IPv4-compatible form (RFC 4291 2.5.2, 2.5.3, 2.5.5.1),
        // which has no legitimate public use left, so the whole block is refused.
        if (bytes[..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return true;
        }

        // 64:ff9b::/96 NAT64 well-known prefix (RFC 6052): DNS64 networks reach public IPv4 hosts through it.
        if (bytes[..4].SequenceEqual((ReadOnlySpan<byte>)[0x00, 0x64, 0xFF, 0x9B]) && bytes[4..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return IsForbiddenIPv4(embeddedIPv4);
        }

        // 2002::/16 6to4 (RFC 3056 2): the IPv4 address of the relay sits in bits 16-47.
        if (bytes[0] == 0x20 && bytes[1] == 0x02)
        {
            return IsForbiddenIPv4(BinaryPrimitives.ReadUInt32BigEndian(bytes[2..6]));
        }

        // Only 2000::/3 is global unicast (RFC 4291 2.4); this refuses fc00::/7 unique-local (RFC 4193),
        // fe80::/10 link-local, fec0::/10 site-local (RFC 3879), ff00::/8 multicast and 100::/64 discard (RFC 6666).
        if ((bytes[0] & 0xE0) != 0x20)
        {
            return true;
        }

        return (bytes[0], bytes[1], bytes[2]) switch
        {
            (0x20, 0x01, < 0x02) => true,  // 2001::/23 IETF protocol assignments, Teredo included (RFC 2928, RFC 4380)
            (0x20, 0x01, 0x0D) when bytes[3] == 0xB8 => true, // 2001:db8::/32 documentation (RFC 3849)
            (0x3F, 0xFF, < 0x10) => true,  // 3fff::/20 documentation (RFC 9637)
            _ => false,
        };
    }
}
