// The round-robin proxy of the load run, in a process of its own (as a real one would be), so
// the load generator's busy event loop does not slow it. Started by cluster.mjs over IPC.
import { Agent, createServer, request } from 'node:http';

process.once('message', ({ backends }) => {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const counts = backends.map(() => 0);
  let next = 0;

  /** Sends one request upstream; a reused keep-alive socket the backend had just closed is retried once. */
  const forward = (req, res, body, index, retried) => {
    const target = new URL(backends[index]);
    const upstream = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (!retried && upstream.reusedSocket && error.code === 'ECONNRESET')
        return forward(req, res, body, index, true);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`bad gateway: ${error.code ?? error.message}`);
    });
    upstream.end(body);
  };

  const server = createServer((req, res) => {
    const index = next;
    next = (next + 1) % backends.length;
    counts[index]++;
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => forward(req, res, Buffer.concat(chunks), index, false));
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
  process.on('message', (message) => {
    if (message === 'counts') process.send({ counts });
  });
  process.once('disconnect', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
});
