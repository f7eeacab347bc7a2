// Starts the built Parley (dist/apps/api/main.js) on a free port with a fresh embedded database
// and demo data, and shares its URL with the tests through an environment variable.
const { spawn } = require('node:child_process');
const { mkdtempSync, existsSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '../../../..');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForHealth(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`Parley exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Parley did not become ready at ${url} within ${timeoutMs} ms`);
}

module.exports = async () => {
  const main = join(root, 'dist/apps/api/main.js');
  if (!existsSync(main)) throw new Error('Build first: npx nx run-many -t build -p api admin');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
  const output = [];
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      PARLEY_DATA_DIR: dataDir,
      DATABASE_URL: '',
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      // No timed sweep during the run: tests count alerts, and a sweep landing mid-test would add
      // clock alerts. The sweep itself is tested by the API integration tests.
      ALERT_SWEEP_INTERVAL_SECONDS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  try {
    // The first start migrates and loads every domain's demo data: allow for a slow machine.
    await waitForHealth(url, child, 240_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${Buffer.concat(output).toString()}`);
  }
  process.env.PARLEY_E2E_URL = url;
  globalThis.__PARLEY_E2E__ = child;
};
