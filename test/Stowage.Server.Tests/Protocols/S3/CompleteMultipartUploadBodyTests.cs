using System.Text;
using Stowage.Core.Checksums;
using Stowage.Core.S3;
using Stowage.Server.Protocols.S3.Xml;

namespace Stowage.Server.Tests.Protocols.S3;

/// <summary>Every body variant of reference/s3-wire's captures parses to the same parts.</summary>
public sealed class CompleteMultipartUploadBodyTests
{
    private const string Etag1 = "6fa2b1c0d3e4f5a6b7c8d9e0f1a2b3c4";
    private const string Etag2 = "0123456789abcdef0123456789abcdef";

    public static TheoryData<string> Variants => new()
    {
        // awscli v2: namespace, quoted ETags, no declaration
        $"<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Part><ETag>\"{Etag1}\"</ETag><PartNumber>1</PartNumber></Part><Part><ETag>\"{Etag2}\"</ETag><PartNumber>2</PartNumber></Part></CompleteMultipartUpload>",
        // JS v3: declaration, &quot; ETags
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Part><ETag>&quot;{Etag1}&quot;</ETag><PartNumber>1</PartNumber></Part><Part><ETag>&quot;{Etag2}&quot;</ETag><PartNumber>2</PartNumber></Part></CompleteMultipartUpload>",
        // s3cmd: no namespace, bare ETags, PartNumber first
        $"<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>{Etag1}</ETag></Part><Part><PartNumber>2</PartNumber><ETag>{Etag2}</ETag></Part></CompleteMultipartUpload>",
        // rclone: &#34; and varying child order
        $"<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Part><PartNumber>1</PartNumber><ETag>&#34;{Etag1}&#34;</ETag></Part><Part><ETag>&#34;{Etag2}&#34;</ETag><PartNumber>2</PartNumber></Part></CompleteMultipartUpload>",
        // indented, with whitespace and a comment
        $"<?xml version=\"1.0\"?>\n<CompleteMultipartUpload>\n  <!-- parts -->\n  <Part>\n    <PartNumber> 1 </PartNumber>\n    <ETag>\"{Etag1}\"</ETag>\n  </Part>\n  <Part><PartNumber>2</PartNumber><ETag>\"{Etag2}\"</ETag></Part>\n</CompleteMultipartUpload>\n",
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Parse_ReadsEveryVariantRealClientsSend(string xml)
    {
        var parts = CompleteMultipartUploadBody.Parse(Encoding.UTF8.GetBytes(xml));

        parts.ShouldNotBeNull();
        parts.ShouldBe([new CompletedPart(1, Etag1, null), new CompletedPart(2, Etag2, null)]);
    }

    [Fact]
    public void Parse_ReadsChecksumElements_BeforeOrAfterPartNumber()
    {
        // .NET puts ChecksumCRC32 first, boto3 1.43 after PartNumber (SUMMARY).
        var xml = $"<CompleteMultipartUpload><Part><ChecksumCRC32>yp11Kg==</ChecksumCRC32><ETag>\"{Etag1}\"</ETag><PartNumber>1</PartNumber></Part><Part><ETag>\"{Etag2}\"</ETag><PartNumber>2</PartNumber><ChecksumCRC32C>AAAAAA==</ChecksumCRC32C></Part></CompleteMultipartUpload>";

        var parts = CompleteMultipartUploadBody.Parse(Encoding.UTF8.GetBytes(xml));

        parts.ShouldBe([
            new CompletedPart(1, Etag1, new ChecksumValue(ChecksumAlgorithm.Crc32, "yp11Kg==")),
            new CompletedPart(2, Etag2, new ChecksumValue(ChecksumAlgorithm.Crc32C, "AAAAAA==")),
        ]);
    }

    [Fact]
    public void Parse_ReturnsAnEmptyList_ForAnUploadWithoutParts() =>
        CompleteMultipartUploadBody.Parse("<CompleteMultipartUpload/>"u8.ToArray()).ShouldBe([]);

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("<CompleteMultipartUpload><Part><ETag>\"x\"</ETag></Part></CompleteMultipartUpload>")]
    [InlineData("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber></Part></CompleteMultipartUpload>")]
    [InlineData("<CompleteMultipartUpload><Part><PartNumber>one</PartNumber><ETag>x</ETag></Part></CompleteMultipartUpload>")]
    [InlineData("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>x</ETag></Part>")]
    [InlineData("<Other><Part><PartNumber>1</PartNumber><ETag>x</ETag></Part></Other>")]
    [InlineData("<CompleteMultipartUpload><Part/></CompleteMultipartUpload>")]
    [InlineData("<!DOCTYPE x [<!ENTITY e \"1\">]><CompleteMultipartUpload><Part><PartNumber>&e;</PartNumber><ETag>x</ETag></Part></CompleteMultipartUpload>")]
    public void Parse_ReturnsNull_ForMalformedBodies(string xml) =>
        CompleteMultipartUploadBody.Parse(Encoding.UTF8.GetBytes(xml)).ShouldBeNull();

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    public void Parse_ReturnsNull_WhenTheBodyIsNotUtf8(byte[] inEtag) =>
        CompleteMultipartUploadBody.Parse((byte[])[.. "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"u8, .. inEtag, .. "</ETag></Part></CompleteMultipartUpload>"u8]).ShouldBeNull();

    [Theory]
    [InlineData("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&#xD800;</ETag></Part></CompleteMultipartUpload>")]
    [InlineData("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>x</ETag><ChecksumCRC32>&#56320;</ChecksumCRC32></Part></CompleteMultipartUpload>")]
    [InlineData("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>x</ETag></Part><Other a=\"&#xDFFF;\"/></CompleteMultipartUpload>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"bogus\"?><CompleteMultipartUpload/>")]
    public void Parse_ReturnsNull_ForLoneSurrogateReferencesAndUnknownEncodings(string xml) =>
        CompleteMultipartUploadBody.Parse(Encoding.UTF8.GetBytes(xml)).ShouldBeNull();
}
