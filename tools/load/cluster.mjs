// Parley processes on one PostgreSQL database (and one Redis when there are several), and the
// round-robin proxy in front of them: the deployment the load and fault runs exercise.
import { fork, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, freePort } from '../bench/support/start-parley.mjs';

/**
 * Starts one built Parley (dist/apps/api/main.js) on a PostgreSQL database.
 * @returns {Promise<{ url: string, port: number, stop: () => Promise<void>, output: () => string }>}
 */
export async function startParleyOn(databaseUrl, { env = {}, timeoutMs = 180_000 } = {}) {
  const main = join(ROOT, 'dist/apps/api/main.js');
  if (!existsSync(main)) throw new Error('Build first: npx nx build api');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const tail = [];
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      DATABASE_URL: databaseUrl,
      PARLEY_DEMO_DATA: 'true',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never leave a Parley running behind a run that crashed.
  process.once('exit', () => child.kill('SIGKILL'));
  // Logs are read (as a log shipper would) and only the tail is kept, for a failure report.
  const keep = (chunk) => {
    tail.push(chunk);
    if (tail.length > 100) tail.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const output = () => Buffer.concat(tail).toString('utf8').slice(-4000);

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`Parley exited with code ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Parley did not become healthy in ${timeoutMs / 1000} s:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return { url, port, stop, output };
}

/**
 * A plain round-robin HTTP proxy on loopback, in its own process: each request goes to the next
 * backend in turn. Parley trusts X-Forwarded-For from loopback, so clients' addresses pass
 * through as sent.
 * @returns {Promise<{ url: string, counts: () => Promise<number[]>, close: () => Promise<void> }>}
 */
export async function startRoundRobinProxy(backends) {
  const child = fork(join(ROOT, 'tools/load/proxy.mjs'), { stdio: 'inherit' });
  process.once('exit', () => child.kill('SIGKILL'));
  const port = await new Promise((resolve) => {
    child.once('message', (m) => resolve(m.port));
    child.send({ backends: backends.map((b) => b.url) });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () =>
      new Promise((resolve) => {
        child.once('message', (m) => resolve(m.counts));
        child.send('counts');
      }),
    close: async () => {
      if (!child.connected) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      await exited;
    },
  };
}
