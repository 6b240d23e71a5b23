using Stowage.Server.Protocols.Sessions.Operations;

namespace Stowage.Server.Protocols.Sessions;

/// <summary>The Sessions API front door (seed 004), base path /api/v1.</summary>
internal static class SessionsApi
{
    public static IServiceCollection AddSessionsApi(this IServiceCollection services)
    {
        services.AddSingleton<SessionsGate>();
        services.AddSingleton<CreateUpload>();
        services.AddSingleton<PutFile>();
        services.AddSingleton<GetFile>();
        services.AddSingleton<GetSession>();
        services.AddSingleton<DeleteSession>();
        services.AddSingleton<CreateProject>();
        services.AddSingleton<GetProject>();
        services.AddSingleton<ListProjects>();
        services.AddSingleton<GetProjectFile>();
        services.AddSingleton<DeleteProject>();
        return services;
    }

    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapPost("/uploads", (HttpContext c, CreateUpload op) => op.HandleAsync(c));
        api.MapPut("/uploads/{uploadId}/{**filename}", (HttpContext c, string uploadId, PutFile op) => op.HandleAsync(c, uploadId));
        api.MapGet("/uploads/{uploadId}/{**filename}", (HttpContext c, string uploadId, GetFile op) => op.HandleAsync(c, uploadId));
        api.MapGet("/uploads/{uploadId}", (HttpContext c, string uploadId, GetSession op) => op.HandleAsync(c, uploadId));
        api.MapDelete("/uploads/{uploadId}", (HttpContext c, string uploadId, DeleteSession op) => op.HandleAsync(c, uploadId));
        api.MapPost("/projects", (HttpContext c, CreateProject op) => op.HandleAsync(c));
        api.MapGet("/projects", (HttpContext c, ListProjects op) => op.HandleAsync(c));
        api.MapGet("/projects/{name}", (HttpContext c, string name, GetProject op) => op.HandleAsync(c, name));
        api.MapDelete("/projects/{name}", (HttpContext c, string name, DeleteProject op) => op.HandleAsync(c, name));
        api.MapMethods("/projects/{name}/files/{**path}", [HttpMethods.Get, HttpMethods.Head],
            (HttpContext c, string name, string path, GetProjectFile op) => op.HandleAsync(c, name, path));
        return app;
    }
}
