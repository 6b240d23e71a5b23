using Stowage.Core.Common;
using Stowage.Core.Uploads;

namespace Stowage.Core.Tests.Uploads;

public sealed class UploadIdsTests
{
    [Fact]
    public void New_Returns22Base62Characters()
    {
        var id = UploadIds.New();

        id.Length.ShouldBe(22);
        RandomIds.IsBase62(id).ShouldBeTrue();
        UploadIds.IsWellFormed(id).ShouldBeTrue();
    }

    [Fact]
    public void New_NeverRepeats_OverManyIds()
    {
        var ids = Enumerable.Range(0, 20_000).Select(_ => UploadIds.New()).ToHashSet(StringComparer.Ordinal);

        ids.Count.ShouldBe(20_000);
    }

    [Theory]
    [InlineData("0123456789abcdef")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789AB")]
    public void IsWellFormed_AcceptsBase62Of16To64Characters(string id) => UploadIds.IsWellFormed(id).ShouldBeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcde")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789ABC")]
    [InlineData("0123456789abcdef-")]
    [InlineData("0123456789abcdef_")]
    [InlineData("0123456789abcdef/")]
    [InlineData("0123456789abcdéf")]
    [InlineData("0123456789abcdef ")]
    [InlineData("../../0123456789abcdef")]
    public void IsWellFormed_RefusesOtherIds(string? id) => UploadIds.IsWellFormed(id).ShouldBeFalse();
}
