// The yardstick for tools/bench/public-policy.mjs: a bare node:http server that answers every
// request with the given bytes and headers. Run as a child process (so it has its own event loop,
// like Parley) and tells its parent the port over IPC.
import { createServer } from 'node:http';

process.once('message', ({ body, contentType }) => {
  const bytes = Buffer.from(body, 'base64');
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': bytes.length });
    res.end(bytes);
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
  process.once('disconnect', () => server.close(() => process.exit(0)));
});
