namespace Stowage.Bench.Peers;

/// <summary>The nginx configuration: loopback only, everything under the run's scratch directory.</summary>
internal static class NginxConfig
{
    public static string Render(string root, int port)
    {
        // As root, workers would drop to "nobody" and could not write the scratch dir.
        var user = Environment.UserName == "root" ? "user root;" : "";
        return $$"""
            daemon off;
            {{user}}
            worker_processes auto;
            pid {{root}}/nginx.pid;
            error_log {{root}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                default_type application/octet-stream;
                # Temp files on the same file system as root, so a finished PUT is a rename, not a copy.
                client_body_temp_path {{root}}/tmp/body;
                proxy_temp_path {{root}}/tmp/proxy;
                fastcgi_temp_path {{root}}/tmp/fastcgi;
                uwsgi_temp_path {{root}}/tmp/uwsgi;
                scgi_temp_path {{root}}/tmp/scgi;
                client_max_body_size 0;
                # The dav module spools every body to a file; 1 MiB writes instead of the 16 KiB default
                # keep syscalls out of the way, so nginx stays the ceiling it is meant to be.
                client_body_buffer_size 1m;
                keepalive_requests 100000;
                server {
                    listen 127.0.0.1:{{port}};
                    root {{root}}/www;
                    location = /healthz { return 200 "ok\n"; }
                    location /dav/ {
                        dav_methods PUT DELETE;
                        create_full_put_path on;
                        dav_access user:rw;
                    }
                }
            }
            """;
    }
}
