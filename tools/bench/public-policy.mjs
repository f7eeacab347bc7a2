#!/usr/bin/env node
// How fast the public policy is served, against a bare node:http server sending the same bytes,
// all measured in one run on loopback; exits 1 when a ratio is missed:
//   GET /public/practices/:slug/policy  ≥ 0.8 × the bare server's requests per second
//   GraphQL publicPolicy                ≥ 0.5 ×
//
// Needs `npx nx build api`. Starts the built Parley (dist/apps/api/main.js) on a throwaway embedded
// database with the demo data, and the bare server in a child process of its own. Load comes from
// autocannon in this process, bounded in connections and duration; the targets take turns over
// several rounds and each ratio is the median of the per-round ratios, so a busy machine slows
// both sides of a ratio alike.
//   node tools/bench/public-policy.mjs [--duration 5] [--connections 10] [--rounds 3] [--slug wilmslow-health-centre]
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT, startParley } from './support/start-parley.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const DURATION = Math.min(60, Math.max(1, Number(arg('duration', 5))));
const CONNECTIONS = Math.min(100, Math.max(1, Number(arg('connections', 10))));
const ROUNDS = Math.min(10, Math.max(1, Number(arg('rounds', 3))));
const SLUG = arg('slug', 'wilmslow-health-centre');
const TARGETS = { rest: 0.8, graphql: 0.5 };

const FIELDS =
  'title html text version effectiveDate publishedAt practiceName channels { kind label instructions href }';

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon(
      { connections: CONNECTIONS, pipelining: 1, duration: DURATION, ...options },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

function check(name, result) {
  if (result.errors || result.timeouts || result.non2xx) {
    throw new Error(
      `${name}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx responses`,
    );
  }
  return result.requests.average;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// Parley logs every request at the production default (info); the logs are read and dropped.
const parley = await startParley({ env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' } });
let bare;
try {
  const restUrl = `${parley.url}/public/practices/${SLUG}/policy`;
  const response = await fetch(restUrl);
  if (!response.ok) throw new Error(`${restUrl} answered ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get('content-type');
  const graphql = {
    url: `${parley.url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `{ publicPolicy(practiceSlug: ${JSON.stringify(SLUG)}) { ${FIELDS} } }`,
    }),
  };
  const probe = await (await fetch(graphql.url, graphql)).json();
  if (!probe.data?.publicPolicy)
    throw new Error(`GraphQL publicPolicy failed: ${JSON.stringify(probe.errors)}`);

  bare = fork(join(ROOT, 'tools/bench/bare-server.mjs'), { stdio: 'inherit' });
  const port = await new Promise((resolve) => {
    bare.once('message', (m) => resolve(m.port));
    bare.send({ body: body.toString('base64'), contentType });
  });
  const bareUrl = `http://127.0.0.1:${port}/`;

  console.log(
    `public policy of ${SLUG}: ${body.length} B JSON; ${CONNECTIONS} connections, ${DURATION} s per target, ${ROUNDS} rounds; ` +
      `${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg()[0].toFixed(1)}, Node ${process.version}`,
  );
  // Warm-up: JIT, Parley's snapshot cache, connection pools.
  for (const options of [{ url: bareUrl }, { url: restUrl }, graphql])
    await run({ ...options, duration: 1 });

  const rows = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const bareRps = check('bare', await run({ url: bareUrl }));
    const restRps = check('REST', await run({ url: restUrl }));
    const graphqlRps = check('GraphQL', await run(graphql));
    rows.push({ bareRps, restRps, graphqlRps });
    console.log(
      `round ${round}: bare ${bareRps.toFixed(0)} req/s, REST ${restRps.toFixed(0)} req/s (${(restRps / bareRps).toFixed(2)}×), ` +
        `GraphQL ${graphqlRps.toFixed(0)} req/s (${(graphqlRps / bareRps).toFixed(2)}×)`,
    );
  }
  const ratios = {
    rest: median(rows.map((r) => r.restRps / r.bareRps)),
    graphql: median(rows.map((r) => r.graphqlRps / r.bareRps)),
  };
  console.log(`\n| target | req/s (median) | ratio to bare (median) | needed |`);
  console.log(`|---|---:|---:|---:|`);
  console.log(
    `| bare node:http, same bytes | ${median(rows.map((r) => r.bareRps)).toFixed(0)} | 1.00 | – |`,
  );
  console.log(
    `| GET /public/practices/${SLUG}/policy | ${median(rows.map((r) => r.restRps)).toFixed(0)} | ${ratios.rest.toFixed(2)} | ≥ ${TARGETS.rest} |`,
  );
  console.log(
    `| GraphQL publicPolicy | ${median(rows.map((r) => r.graphqlRps)).toFixed(0)} | ${ratios.graphql.toFixed(2)} | ≥ ${TARGETS.graphql} |`,
  );

  const missed = Object.entries(TARGETS).filter(([name, target]) => ratios[name] < target);
  if (missed.length) {
    console.error(
      `\nMissed: ${missed.map(([name, target]) => `${name} ${ratios[name].toFixed(2)} < ${target}`).join(', ')}`,
    );
    process.exitCode = 1;
  } else {
    console.log('\nBoth ratios met.');
  }
} finally {
  bare?.disconnect();
  await parley.stop();
}
