// @tus/server with @tus/file-store as a user would deploy it: defaults, one
// directory, no reverse proxy. Arguments: <host> <port> <data directory>.
// Started and stopped by the bench harness; it binds only the host it is given.
import { Server } from '@tus/server';
import { FileStore } from '@tus/file-store';

const [host, portText, directory] = process.argv.slice(2);
const port = Number(portText);
if (!host || !Number.isInteger(port) || !directory) {
  console.error('usage: node tus-server.mjs <host> <port> <directory>');
  process.exit(2);
}

const server = new Server({ path: '/files', datastore: new FileStore({ directory }) });
server.listen(port, host, () => {
  console.log(`tus ${host}:${port} -> ${directory}`);
});

// SIGTERM from the harness or run.sh's trap: exit promptly.
process.on('SIGTERM', () => process.exit(0));
