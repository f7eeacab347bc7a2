// What the load run watches from the side: each process's /health, and when the clock sweep
// claims each practice (alert_sweeps.swept_at), to show it runs once per interval across processes.
import pg from 'pg';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

/**
 * Polls /health of each process from a worker thread of its own (the load generator's event loop
 * is too busy to notice a short outage); keeps the transitions between ready and not ready.
 */
export class HealthWatch {
  constructor(urls, everyMs = 50) {
    this.urls = urls;
    this.everyMs = everyMs;
    this.worker = null;
  }

  async start() {
    this.worker = new Worker(new URL(import.meta.url), {
      workerData: { urls: this.urls, everyMs: this.everyMs },
    });
    await new Promise((resolve) => this.worker.once('message', resolve));
  }

  async stop() {
    const changes = new Promise((resolve) => this.worker.once('message', resolve));
    this.worker.postMessage('stop');
    this.watched = await changes;
    await this.worker.terminate();
  }

  report() {
    return this.watched.map((w) => {
      const states = w.changes.map((c) => c.state);
      const down = states.findIndex((s) => s !== 'ready');
      return {
        url: w.url,
        wentDown: down >= 0,
        cameBack: down >= 0 && states.slice(down).includes('ready'),
        timeline: w.changes.map((c) => `${c.at.toFixed(1)} s ${c.state}`).join(' → '),
      };
    });
  }
}

/** The worker's side of HealthWatch. */
function pollHealth({ urls, everyMs }) {
  const started = Date.now();
  const watched = urls.map((url) => ({ url, state: null, changes: [] }));
  const poll = async (w) => {
    let state;
    try {
      const response = await fetch(`${w.url}/health`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      state = response.status === 200 ? 'ready' : `not ready (${response.status})`;
    } catch (error) {
      state = `unreachable (${error.cause?.code ?? error.name})`;
    }
    if (state !== w.state) {
      w.changes.push({ at: (Date.now() - started) / 1000, state });
      w.state = state;
    }
  };
  const timer = setInterval(() => watched.forEach((w) => void poll(w)), everyMs);
  parentPort.on('message', () => {
    clearInterval(timer);
    parentPort.postMessage(watched);
  });
  parentPort.postMessage('started');
}

if (!isMainThread && workerData?.urls) pollHealth(workerData);

/** Polls alert_sweeps and counts each practice's claims; reconnects when the database restarts. */
export class SweepWatch {
  constructor(url, everyMs = 250) {
    this.url = url;
    this.everyMs = everyMs;
    this.claims = new Map(); // practice id → Set of swept_at (ms)
    this.client = null;
    this.timer = null;
  }

  async start() {
    const poll = async () => {
      if (this.busy) return;
      this.busy = true;
      try {
        if (!this.client) {
          this.client = new pg.Client({ connectionString: this.url });
          this.client.on('error', () => (this.client = null));
          await this.client.connect();
        }
        const { rows } = await this.client.query('SELECT practice_id, swept_at FROM alert_sweeps');
        for (const row of rows) {
          let set = this.claims.get(row.practice_id);
          if (!set) this.claims.set(row.practice_id, (set = new Set()));
          set.add(new Date(row.swept_at).getTime());
        }
      } catch {
        this.client?.end().catch(() => undefined);
        this.client = null;
      } finally {
        this.busy = false;
      }
    };
    await poll();
    this.timer = setInterval(() => void poll(), this.everyMs);
  }

  async stop() {
    clearInterval(this.timer);
    await this.client?.end().catch(() => undefined);
  }

  /** Claims per practice, and how many followed the previous one sooner than the interval allows. */
  report(intervalSeconds) {
    let tooOften = 0;
    let minGap = Infinity;
    const perPractice = [];
    for (const set of this.claims.values()) {
      const times = [...set].sort((a, b) => a - b);
      perPractice.push(times.length);
      for (let i = 1; i < times.length; i++) {
        const gap = times[i] - times[i - 1];
        minGap = Math.min(minGap, gap);
        // The claim allows a sweep 90 % of an interval (whole seconds) after the last one.
        if (gap < Math.max(1, Math.floor(intervalSeconds * 0.9)) * 1000 - 50) tooOften++;
      }
    }
    return {
      practices: perPractice.length,
      claimsPerPractice: perPractice.length
        ? `${Math.min(...perPractice)}–${Math.max(...perPractice)}`
        : '0',
      shortestGapSeconds: Number.isFinite(minGap) ? Number((minGap / 1000).toFixed(2)) : null,
      tooOften,
    };
  }
}
