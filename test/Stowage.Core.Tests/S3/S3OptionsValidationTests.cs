using Stowage.Core.S3;

namespace Stowage.Core.Tests.S3;

/// <summary>Stowage:S3 is checked at start-up; each problem names its setting.</summary>
public sealed class S3OptionsValidationTests
{
    [Fact]
    public void Validate_AcceptsTheDefaults()
    {
        S3OptionsValidation.Validate(new S3Options()).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_AcceptsConfiguredBucketsWithValidNamesAndAccounts()
    {
        var options = new S3Options { PublicEndpoint = "https://s3.example.test" };
        options.Buckets["iguides.plntr.ca"] = "plntr";

        S3OptionsValidation.Validate(options).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Region")]
    [InlineData("PublicEndpoint")]
    [InlineData("MaxObjectBytes")]
    [InlineData("MinPartBytes")]
    [InlineData("MaxTemporaryCredentialSeconds")]
    [InlineData("MaxPresignedSeconds")]
    [InlineData("MaxClockSkewSeconds")]
    [InlineData("Buckets")]
    [InlineData("AbandonedMultipartUploadSeconds")]
    [InlineData("MultipartSweepIntervalSeconds")]
    [InlineData("ProjectsBucket")]
    public void Validate_NamesTheSetting_ThatIsInvalid(string setting)
    {
        var options = new S3Options();
        switch (setting)
        {
            case "Region": options.Region = " "; break;
            case "PublicEndpoint": options.PublicEndpoint = "s3.example.test"; break;
            case "MaxObjectBytes": options.MaxObjectBytes = 0; break;
            case "MinPartBytes": options.MinPartBytes = options.MaxObjectBytes + 1; break;
            case "MaxTemporaryCredentialSeconds": options.MaxTemporaryCredentialSeconds = 0; break;
            case "MaxPresignedSeconds": options.MaxPresignedSeconds = 604_801; break;
            case "MaxClockSkewSeconds": options.MaxClockSkewSeconds = 0; break;
            case "Buckets": options.Buckets["Bad_Bucket"] = "someone"; break;
            case "AbandonedMultipartUploadSeconds": options.AbandonedMultipartUploadSeconds = -1; break;
            case "MultipartSweepIntervalSeconds": options.MultipartSweepIntervalSeconds = 0; break;
            case "ProjectsBucket": options.ProjectsBucket = "Projects_Bucket"; break;
        }

        S3OptionsValidation.Validate(options).ShouldHaveSingleItem().ShouldStartWith(setting);
    }

    [Fact]
    public void Validate_RefusesAConfiguredBucket_NamedLikeTheProjectsBucket()
    {
        var options = new S3Options { ProjectsBucket = "all-projects" };
        options.Buckets["all-projects"] = "someone";

        var problem = S3OptionsValidation.Validate(options).ShouldHaveSingleItem();

        problem.ShouldStartWith("Buckets");
        problem.ShouldContain("ProjectsBucket");
    }

    [Fact]
    public void ProjectsBucket_IsStowageProjects_ByDefault()
    {
        new S3Options().ProjectsBucket.ShouldBe("stowage-projects");
    }
}
