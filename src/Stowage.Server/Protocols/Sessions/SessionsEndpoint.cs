namespace Stowage.Server.Protocols.Sessions;

/// <summary>The Sessions API operations, each with its own rate-limit budget.</summary>
internal enum SessionsEndpoint
{
    CreateUpload,
    PutFile,
    GetFile,
    GetSession,
    DeleteSession,
    CreateProject,
    GetProject,
    ListProjects,
    GetProjectFile,
    DeleteProject,
}
