namespace Stowage.Metadata.Sqlite.Schema;

/// <summary>
/// The first schema. Conventions: STRICT tables (a wrong type is an error, not a silent affinity
/// cast); times are INTEGER unix milliseconds UTC; lists are JSON text; an ObjectRef is two columns;
/// enums are their names as TEXT so the file reads well in the sqlite3 shell.
/// </summary>
internal static class Migration001Initial
{
    public const string Sql = """
        CREATE TABLE accounts (
            id                TEXT    NOT NULL PRIMARY KEY,
            name              TEXT    NOT NULL UNIQUE,
            upload_allowed    INTEGER NOT NULL,
            quota_bytes       INTEGER,
            max_file_bytes    INTEGER,
            max_session_bytes INTEGER,
            max_projects      INTEGER,
            created           INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE api_keys (
            id          TEXT    NOT NULL PRIMARY KEY,
            account_id  TEXT    NOT NULL REFERENCES accounts (id),
            name        TEXT    NOT NULL,
            secret_hash TEXT    NOT NULL UNIQUE,
            hint        TEXT    NOT NULL,
            scopes      TEXT    NOT NULL,
            created     INTEGER NOT NULL,
            revoked     INTEGER
        ) STRICT;
        CREATE INDEX api_keys_by_account ON api_keys (account_id, created);

        -- reserved_bytes is the sum of the session's file totals, kept with every reservation in the same
        -- transaction, so the session cap and the account usage are read from one row per session instead
        -- of summing every file on every new file.
        CREATE TABLE upload_sessions (
            id             TEXT    NOT NULL PRIMARY KEY,
            account_id     TEXT    NOT NULL REFERENCES accounts (id),
            created        INTEGER NOT NULL,
            expires_at     INTEGER NOT NULL,
            project_name   TEXT,
            reserved_bytes INTEGER NOT NULL DEFAULT 0 CHECK (reserved_bytes >= 0)
        ) STRICT;
        -- Usage sums only unconsumed sessions: the partial index holds exactly those and covers the sum.
        CREATE INDEX upload_sessions_open_by_account ON upload_sessions (account_id, reserved_bytes) WHERE project_name IS NULL;
        CREATE INDEX upload_sessions_by_expiry ON upload_sessions (expires_at, created);

        -- seq (the rowid) orders a session's files as first reserved.
        CREATE TABLE upload_files (
            seq           INTEGER PRIMARY KEY,
            session_id    TEXT    NOT NULL REFERENCES upload_sessions (id) ON DELETE CASCADE,
            name          TEXT    NOT NULL,
            total         INTEGER NOT NULL CHECK (total >= 0),
            received      INTEGER NOT NULL CHECK (received >= 0 AND received <= total),
            object_bucket TEXT    NOT NULL,
            object_key    TEXT    NOT NULL,
            created       INTEGER NOT NULL,
            updated       INTEGER NOT NULL,
            UNIQUE (session_id, name)
        ) STRICT;

        CREATE TABLE projects (
            name              TEXT    NOT NULL PRIMARY KEY,
            account_id        TEXT    NOT NULL REFERENCES accounts (id),
            title             TEXT    NOT NULL,
            state             TEXT    NOT NULL,
            status            INTEGER NOT NULL,
            privacy_mode      INTEGER NOT NULL,
            coordinate_system TEXT,
            source_upload_id  TEXT,
            download_link     TEXT,
            size_bytes        INTEGER NOT NULL,
            created           INTEGER NOT NULL,
            updated           INTEGER NOT NULL,
            errors            TEXT    NOT NULL
        ) STRICT;
        CREATE INDEX projects_by_account ON projects (account_id, created);
        -- Covers the usage sum without touching the table rows.
        CREATE INDEX projects_size_by_account ON projects (account_id, size_bytes);

        CREATE TABLE project_files (
            project_name  TEXT    NOT NULL REFERENCES projects (name) ON DELETE CASCADE,
            path          TEXT    NOT NULL,
            kind          TEXT    NOT NULL,
            size          INTEGER NOT NULL,
            sha256        TEXT,
            object_bucket TEXT    NOT NULL,
            object_key    TEXT    NOT NULL,
            from_archive  TEXT,
            PRIMARY KEY (project_name, path)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE jobs (
            id          TEXT    NOT NULL PRIMARY KEY,
            kind        TEXT    NOT NULL,
            payload     TEXT    NOT NULL,
            state       TEXT    NOT NULL,
            attempts    INTEGER NOT NULL,
            run_after   INTEGER NOT NULL,
            created     INTEGER NOT NULL,
            updated     INTEGER NOT NULL,
            lease_owner TEXT,
            lease_until INTEGER,
            last_error  TEXT
        ) STRICT;
        -- Claims scan only live jobs, oldest first; finished jobs drop out of the index.
        CREATE INDEX jobs_pending ON jobs (created) WHERE state IN ('Queued', 'Running');
        """;
}
