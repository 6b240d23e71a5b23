using System.Net;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Auth;

/// <summary>
/// docs/protocols/sessions.md, "Endpoints": writing needs projects:write, reading projects needs
/// projects:read, reading upload progress accepts either; 403 insufficient_scope carries required.
/// </summary>
public sealed class ScopeTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private SessionsClient _readOnly = null!;
    private SessionsClient _writeOnly = null!;

    public async Task InitializeAsync()
    {
        _readOnly = fixture.ClientFor(await fixture.SharedKeyAsync(Scope.Read));
        _writeOnly = fixture.ClientFor(await fixture.SharedKeyAsync(Scope.Write));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReadOnlyKey_Gets403InsufficientScope_OnEveryWrite()
    {
        var id = await fixture.Client.NewUploadAsync();

        var responses = new[]
        {
            await _readOnly.CreateUploadAsync(),
            await _readOnly.PutAsync(id, "a.jpg", [1, 2, 3]),
            await _readOnly.DeleteSessionAsync(id),
            await _readOnly.CreateProjectAsync(new { upload_id = id }),
        };

        foreach (var response in responses)
        {
            response.ShouldBeError(HttpStatusCode.Forbidden, "insufficient_scope");
            response.String("required").ShouldBe(Scope.Write);
        }

        (await fixture.Client.GetSessionAsync(id)).ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ReadOnlyKey_MayReadUploadProgressAndProjects()
    {
        var id = await fixture.Client.NewUploadAsync();
        await fixture.Client.UploadAsync(id, "a.jpg", [1, 2, 3]);

        (await _readOnly.GetSessionAsync(id)).ShouldHaveStatus(HttpStatusCode.OK);
        (await _readOnly.GetFileAsync(id, "a.jpg")).ShouldBeProgress(3, 3, complete: true);
        var name = await fixture.Client.NewProjectAsync(id);
        (await _readOnly.GetProjectAsync(name)).ShouldHaveStatus(HttpStatusCode.OK);
        (await _readOnly.ListProjectsAsync()).ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WriteOnlyKey_Gets403InsufficientScope_OnProjectReads()
    {
        var id = await _writeOnly.NewUploadAsync();
        await _writeOnly.UploadAsync(id, "a.jpg", [1, 2, 3]);
        var name = await _writeOnly.NewProjectAsync(id);

        var get = await _writeOnly.GetProjectAsync(name);
        var list = await _writeOnly.ListProjectsAsync();

        get.ShouldBeError(HttpStatusCode.Forbidden, "insufficient_scope");
        get.String("required").ShouldBe(Scope.Read);
        list.ShouldBeError(HttpStatusCode.Forbidden, "insufficient_scope");
        list.String("required").ShouldBe(Scope.Read);
        (await fixture.Client.GetProjectAsync(name)).ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WriteOnlyKey_MayReadUploadProgress_ToResume()
    {
        var id = await _writeOnly.NewUploadAsync();
        var data = TestData.Bytes(1000, 60);
        await _writeOnly.PutChunkAsync(id, "scan.e57", data, 0, 400);

        (await _writeOnly.GetFileAsync(id, "scan.e57")).ShouldBeProgress(400, 1000, complete: false);
        (await _writeOnly.GetSessionAsync(id)).ShouldHaveStatus(HttpStatusCode.OK);
    }
}
