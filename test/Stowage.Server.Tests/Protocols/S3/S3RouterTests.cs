using Microsoft.AspNetCore.Http;
using Stowage.Core.S3;
using Stowage.Server.Protocols.S3;
using Stowage.Server.Protocols.S3.Operations;

namespace Stowage.Server.Tests.Protocols.S3;

public sealed class S3RouterTests
{
    [Theory]
    [InlineData("GET", null, null, "", typeof(ListBuckets), S3Action.ListBuckets)]
    [InlineData("PUT", "b", null, "", typeof(CreateBucket), S3Action.CreateBucket)]
    [InlineData("HEAD", "b", null, "", typeof(HeadBucket), S3Action.HeadBucket)]
    [InlineData("GET", "b", null, "?list-type=2&prefix=a", typeof(ListObjects), S3Action.ListObjects)]
    [InlineData("GET", "b", null, "", typeof(ListObjects), S3Action.ListObjects)]
    [InlineData("GET", "b", null, "?uploads", typeof(ListMultipartUploads), S3Action.ListMultipartUploads)]
    [InlineData("GET", "b", null, "?location", typeof(GetBucketLocation), S3Action.HeadBucket)]
    [InlineData("PUT", "b", "k", "?x-id=PutObject", typeof(PutObject), S3Action.PutObject)]
    [InlineData("PUT", "b", "k", "?partNumber=1&uploadId=u&x-id=UploadPart", typeof(UploadPart), S3Action.UploadPart)]
    [InlineData("GET", "b", "k", "", typeof(GetObject), S3Action.GetObject)]
    [InlineData("GET", "b", "k", "?response-content-type=text/plain", typeof(GetObject), S3Action.GetObject)]
    [InlineData("HEAD", "b", "k", "", typeof(GetObject), S3Action.HeadObject)]
    [InlineData("DELETE", "b", "k", "", typeof(DeleteObject), S3Action.DeleteObject)]
    [InlineData("POST", "b", "k", "?uploads", typeof(CreateMultipartUpload), S3Action.CreateMultipartUpload)]
    [InlineData("POST", "b", "k", "?uploads=", typeof(CreateMultipartUpload), S3Action.CreateMultipartUpload)]
    [InlineData("POST", "b", "k", "?uploadId=u", typeof(CompleteMultipartUpload), S3Action.CompleteMultipartUpload)]
    [InlineData("DELETE", "b", "k", "?uploadId=u", typeof(AbortMultipartUpload), S3Action.AbortMultipartUpload)]
    [InlineData("GET", "b", "k", "?uploadId=u", typeof(ListParts), S3Action.ListParts)]
    public void Select_PicksTheOperation(string method, string? bucket, string? key, string query, Type operation, S3Action action)
    {
        var route = S3Router.Select(Request(method, query), new S3Target(bucket, key));

        route.Refusal.ShouldBeNull();
        route.Operation.ShouldBe(operation);
        route.Action.ShouldBe(action);
    }

    [Theory]
    [InlineData("PUT", "b", "k", "?acl", S3Action.UnimplementedWrite)]
    [InlineData("GET", "b", "k", "?tagging", S3Action.UnimplementedRead)]
    [InlineData("HEAD", "b", "k", "?tagging", S3Action.UnimplementedRead)]
    [InlineData("GET", "b", null, "?versioning", S3Action.UnimplementedRead)]
    [InlineData("PUT", "b", null, "?versioning", S3Action.UnimplementedWrite)]
    [InlineData("POST", "b", null, "?delete", S3Action.UnimplementedWrite)]
    [InlineData("DELETE", "b", null, "", S3Action.UnimplementedWrite)]
    [InlineData("POST", "b", "k", "", S3Action.UnimplementedWrite)]
    [InlineData("GET", "b", "k", "?versionId=3", S3Action.UnimplementedRead)]
    [InlineData("DELETE", "b", "k", "?tagging", S3Action.UnimplementedWrite)]
    public void Select_RefusesWithNotImplemented_WhatThisServerDoesNotDo_TellingAReadFromAWrite(string method, string? bucket, string? key, string query, S3Action action)
    {
        var route = S3Router.Select(Request(method, query), new S3Target(bucket, key));

        route.Refusal.ShouldBe(S3Errors.NotImplemented);
        route.Action.ShouldBe(action, "the read-only projects bucket refuses a write it would not implement anyway as AccessDenied");
    }

    [Fact]
    public void Select_RefusesCopyObject_WithNotImplemented()
    {
        var request = Request("PUT", string.Empty);
        request.Headers["x-amz-copy-source"] = "/b/other";

        var route = S3Router.Select(request, new S3Target("b", "k"));

        route.Refusal.ShouldBe(S3Errors.NotImplemented);
        route.Action.ShouldBe(S3Action.UnimplementedWrite);
    }

    [Fact]
    public void Select_RefusesWithMethodNotAllowed_AMethodS3DoesNotKnowThere()
    {
        var route = S3Router.Select(Request("PATCH", string.Empty), new S3Target("b", "k"));

        route.Refusal.ShouldBe(S3Errors.MethodNotAllowed);
        route.Action.ShouldBe(S3Action.UnimplementedWrite);
    }

    private static HttpRequest Request(string method, string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }
}
