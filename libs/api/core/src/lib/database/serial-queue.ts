/**
 * Runs async jobs one at a time, in arrival order. PGlite is a single PostgreSQL session, so
 * two units of work running together would share one transaction and its tenant setting.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job, job);
    // Keep the chain alive whatever the job's outcome; callers see the real result.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
