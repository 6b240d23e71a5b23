using System.Net;
using Stowage.Processing.RemoteFetch;

namespace Stowage.Processing.Tests.RemoteFetch;

public sealed class AddressClassifierTests
{
    [Theory]
    [InlineData("0.0.0.0")]           // unspecified
    [InlineData("0.1.2.3")]           // 0.0.0.0/8
    [InlineData("10.0.0.1")]          // 10/8
    [InlineData("10.255.255.255")]
    [InlineData("100.64.0.1")]        // CGNAT 100.64/10
    [InlineData("100.127.255.255")]
    [InlineData("127.0.0.1")]         // loopback
    [InlineData("127.255.255.254")]
    [InlineData("169.254.169.254")]   // link-local, cloud metadata
    [InlineData("172.16.0.1")]        // 172.16/12
    [InlineData("172.31.255.255")]
    [InlineData("192.0.0.8")]         // IETF protocol assignments
    [InlineData("192.0.2.1")]         // TEST-NET-1
    [InlineData("192.88.99.1")]       // 6to4 relay anycast
    [InlineData("192.168.1.1")]       // 192.168/16
    [InlineData("198.18.0.1")]        // benchmarking 198.18/15
    [InlineData("198.19.255.255")]
    [InlineData("198.51.100.7")]      // TEST-NET-2
    [InlineData("203.0.113.9")]       // TEST-NET-3
    [InlineData("224.0.0.1")]         // multicast
    [InlineData("239.255.255.250")]
    [InlineData("240.0.0.1")]         // reserved
    [InlineData("255.255.255.255")]   // broadcast
    public void IsForbidden_RefusesSpecialPurposeIPv4(string address) =>
        AddressClassifier.IsForbidden(IPAddress.Parse(address)).ShouldBeTrue();

    [Theory]
    [InlineData("::")]                   // unspecified
    [InlineData("::1")]                  // loopback
    [InlineData("::127.0.0.1")]          // IPv4-compatible (deprecated)
    [InlineData("::8.8.8.8")]            // IPv4-compatible, refused whatever it embeds
    [InlineData("::ffff:127.0.0.1")]     // IPv4-mapped
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:192.168.0.1")]
    [InlineData("::ffff:0.0.0.0")]
    [InlineData("64:ff9b::7f00:1")]      // NAT64 of 127.0.0.1
    [InlineData("64:ff9b::a9fe:a9fe")]   // NAT64 of 169.254.169.254
    [InlineData("64:ff9b:1::1")]         // local-use NAT64
    [InlineData("2002:7f00:1::1")]       // 6to4 of 127.0.0.1
    [InlineData("2002:c0a8:101::1")]     // 6to4 of 192.168.1.1
    [InlineData("fe80::1")]              // link-local fe80::/10
    [InlineData("febf:ffff::1")]
    [InlineData("fec0::1")]              // site-local
    [InlineData("fc00::1")]              // unique-local fc00::/7
    [InlineData("fd12:3456:789a::1")]
    [InlineData("ff02::1")]              // multicast
    [InlineData("ff05::2")]
    [InlineData("100::1")]               // discard-only
    [InlineData("2001::1")]              // Teredo, IETF protocol assignments
    [InlineData("2001:db8::1")]          // documentation
    [InlineData("3fff::1")]              // documentation
    [InlineData("5f00::1")]              // outside 2000::/3
    public void IsForbidden_RefusesSpecialPurposeIPv6(string address) =>
        AddressClassifier.IsForbidden(IPAddress.Parse(address)).ShouldBeTrue();

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("11.0.0.1")]
    [InlineData("100.63.255.255")]   // just below CGNAT
    [InlineData("100.128.0.0")]      // just above CGNAT
    [InlineData("172.15.255.255")]   // just below 172.16/12
    [InlineData("172.32.0.0")]       // just above
    [InlineData("192.169.0.1")]
    [InlineData("198.17.255.255")]   // just below 198.18/15
    [InlineData("198.20.0.0")]       // just above
    [InlineData("223.255.255.255")]  // last unicast before multicast
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001::1")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")] // NAT64 of 8.8.8.8: how IPv6-only networks reach IPv4 hosts
    [InlineData("2002:808:808::1")]  // 6to4 of 8.8.8.8
    public void IsForbidden_AllowsPublicUnicast(string address) =>
        AddressClassifier.IsForbidden(IPAddress.Parse(address)).ShouldBeFalse();

    [Fact]
    public void IsForbidden_IgnoresTheScopeOfLinkLocalAddresses() =>
        AddressClassifier.IsForbidden(IPAddress.Parse("fe80::1%2")).ShouldBeTrue();
}
