using Stowage.Core.Accounts;
using Stowage.Core.Errors;
using Stowage.Core.Tests.Support;
using Stowage.Core.Uploads;

namespace Stowage.Core.Tests.Uploads;

/// <summary>Scopes and accounts: ids of other accounts never leak.</summary>
public sealed class UploadSessionAccessTests
{
    [Fact]
    public async Task AnotherAccount_GetsTheSame404AsForAnUnknownSession()
    {
        await using var h = await CoreHarness.CreateAsync();
        var owner = await h.CallerAsync("owner");
        var other = await h.CallerAsync("other");
        var uploadId = await h.NewSessionAsync(owner);
        var content = TestBytes.Random(10);
        (await h.PutChunkAsync(owner, uploadId, "a.jpg", content, 0, 20)).ShouldSucceed();

        (await h.Uploads.GetSessionAsync(other, uploadId, CoreHarness.Ct)).ShouldFailWith(StowageErrors.UploadSessionNotFound);
        (await h.Uploads.GetFileAsync(other, uploadId, "a.jpg", CoreHarness.Ct)).ShouldFailWith(StowageErrors.UploadSessionNotFound);
        (await h.PutChunkAsync(other, uploadId, "a.jpg", TestBytes.Random(10, seed: 9), 10, 20)).ShouldFailWith(StowageErrors.UploadSessionNotFound);
        (await h.PutAsync(other, uploadId, "b.jpg", new byte[1])).ShouldFailWith(StowageErrors.UploadSessionNotFound);

        (await h.Uploads.GetFileAsync(owner, uploadId, "a.jpg", CoreHarness.Ct)).ShouldSucceed().Received.ShouldBe(10);
        (await h.Uploads.GetSessionAsync(owner, uploadId, CoreHarness.Ct)).ShouldSucceed().Files.Count.ShouldBe(1);
        (await h.ReadSegmentsAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(content);
    }

    [Fact]
    public async Task AnotherKeyOfTheSameAccount_SeesTheSession()
    {
        await using var h = await CoreHarness.CreateAsync();
        var first = await h.CallerAsync("acme");
        var second = await h.CallerAsync("acme");
        var uploadId = await h.NewSessionAsync(first);
        (await h.PutChunkAsync(first, uploadId, "a.jpg", new byte[10], 0, 20)).ShouldSucceed();

        (await h.PutChunkAsync(second, uploadId, "a.jpg", new byte[10], 10, 20)).ShouldSucceed().Complete.ShouldBeTrue();
    }

    [Fact]
    public async Task ReadingProgress_IsAllowedWithEitherScope()
    {
        await using var h = await CoreHarness.CreateAsync();
        var writeOnly = await h.CallerAsync(scopes: [Scopes.ProjectsWrite]);
        var readOnly = await h.CallerAsync(scopes: [Scopes.ProjectsRead]);
        var uploadId = await h.NewSessionAsync(writeOnly);
        (await h.PutChunkAsync(writeOnly, uploadId, "a.jpg", new byte[10], 0, 20)).ShouldSucceed();

        (await h.Uploads.GetFileAsync(writeOnly, uploadId, "a.jpg", CoreHarness.Ct)).ShouldSucceed().Received.ShouldBe(10);
        (await h.Uploads.GetSessionAsync(writeOnly, uploadId, CoreHarness.Ct)).ShouldSucceed();
        (await h.Uploads.GetFileAsync(readOnly, uploadId, "a.jpg", CoreHarness.Ct)).ShouldSucceed().Received.ShouldBe(10);
        (await h.Uploads.GetSessionAsync(readOnly, uploadId, CoreHarness.Ct)).ShouldSucceed();
    }

    [Fact]
    public async Task Delete_RemovesTheSessionAndItsBytes()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        (await h.PutAsync(caller, uploadId, "a.jpg", TestBytes.Random(100))).ShouldSucceed();
        (await h.PutChunkAsync(caller, uploadId, "b.jpg", TestBytes.Random(10), 0, 100)).ShouldSucceed();

        (await h.Uploads.DeleteAsync(caller, uploadId, CoreHarness.Ct)).ShouldSucceed().ShouldBeTrue();

        (await h.Uploads.GetSessionAsync(caller, uploadId, CoreHarness.Ct)).ShouldFailWith(StowageErrors.UploadSessionNotFound);
        (await h.PutAsync(caller, uploadId, "c.jpg", new byte[1])).ShouldFailWith(StowageErrors.UploadSessionNotFound);
        (await h.ReadObjectAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeNull();
        (await h.ReadObjectAsync(h.SessionObject(uploadId, "b.jpg"))).ShouldBeNull();
    }

    [Fact]
    public async Task Delete_IsIdempotent()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);

        (await h.Uploads.DeleteAsync(caller, uploadId, CoreHarness.Ct)).ShouldSucceed().ShouldBeTrue();
        (await h.Uploads.DeleteAsync(caller, uploadId, CoreHarness.Ct)).ShouldSucceed().ShouldBeTrue();
        (await h.Uploads.DeleteAsync(caller, UploadIds.New(), CoreHarness.Ct)).ShouldSucceed().ShouldBeTrue();
    }

    [Fact]
    public async Task Delete_ByAnotherAccount_AnswersSuccessButDeletesNothing()
    {
        await using var h = await CoreHarness.CreateAsync();
        var owner = await h.CallerAsync("owner");
        var other = await h.CallerAsync("other");
        var uploadId = await h.NewSessionAsync(owner);
        var content = TestBytes.Random(10);
        (await h.PutAsync(owner, uploadId, "a.jpg", content)).ShouldSucceed();

        (await h.Uploads.DeleteAsync(other, uploadId, CoreHarness.Ct)).ShouldSucceed().ShouldBeTrue();

        (await h.Uploads.GetSessionAsync(owner, uploadId, CoreHarness.Ct)).ShouldSucceed().Files.Count.ShouldBe(1);
        (await h.ReadObjectAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(content);
    }

    [Fact]
    public async Task Delete_OfASessionThatBecameAProject_KeepsTheProjectsFiles()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var content = TestBytes.Random(100);
        var project = await h.CreateProjectAsync(caller, ("a.jpg", content));

        (await h.Uploads.DeleteAsync(caller, project, CoreHarness.Ct)).ShouldSucceed().ShouldBeTrue();

        (await h.ReadObjectAsync(h.SessionObject(project, "a.jpg"))).ShouldBeBytes(content);
        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();
        (await h.ReadObjectAsync(h.SessionObject(project, "a.jpg"))).ShouldBeBytes(content);
    }

    [Fact]
    public async Task Delete_Returns400_ForAMalformedId()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();

        (await h.Uploads.DeleteAsync(caller, "nope", CoreHarness.Ct)).ShouldFailWith(StowageErrors.InvalidUploadId);
    }

    [Fact]
    public async Task Delete_Returns403InsufficientScope_ForAReadOnlyKey()
    {
        await using var h = await CoreHarness.CreateAsync();
        var writer = await h.CallerAsync();
        var reader = await h.CallerAsync(scopes: [Scopes.ProjectsRead]);
        var uploadId = await h.NewSessionAsync(writer);

        (await h.Uploads.DeleteAsync(reader, uploadId, CoreHarness.Ct)).ShouldFailWith(StowageErrors.InsufficientScope).Detail("required").ShouldBe(Scopes.ProjectsWrite);
        (await h.Uploads.GetSessionAsync(writer, uploadId, CoreHarness.Ct)).ShouldSucceed();
    }

    [Fact]
    public async Task Session_Is404_OnceItBecameAProject()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.CompleteSessionAsync(caller, ("a.jpg", new byte[10]));

        (await h.Projects.CreateAsync(caller, new(uploadId, null, null, null, null), CoreHarness.Ct)).ShouldSucceed();

        (await h.Uploads.GetSessionAsync(caller, uploadId, CoreHarness.Ct)).ShouldFailWith(StowageErrors.UploadSessionNotFound);
        (await h.Uploads.GetFileAsync(caller, uploadId, "a.jpg", CoreHarness.Ct)).ShouldFailWith(StowageErrors.UploadSessionNotFound);
        (await h.PutAsync(caller, uploadId, "b.jpg", new byte[1])).ShouldFailWith(StowageErrors.UploadSessionNotFound);
    }
}
