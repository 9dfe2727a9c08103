/**
 * Stands in for the warehouse or the dashboard in supervisor-processes.test.ts, which starts
 * several in a second where the real ones take many: answers its pid over HTTP on PORT. When the
 * file FAIL_FILE exists as it starts, it says so on stderr and exits 3, like a server that
 * cannot open its data.
 */
import fs from 'node:fs';
import http from 'node:http';

const port = Number(process.env.PORT);
const failFile = process.env.FAIL_FILE;
if (failFile && fs.existsSync(failFile)) {
  console.error(`stand-in: cannot start on port ${port}: ${failFile} exists`);
  process.exit(3);
}
http.createServer((request, response) => response.end(String(process.pid))).listen(port, '127.0.0.1');
