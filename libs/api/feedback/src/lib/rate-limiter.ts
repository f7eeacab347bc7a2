import { Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';

export interface RateDecision {
  allowed: boolean;
  /** Hits counted in the current window, this one included. */
  count: number;
  /** Seconds until the window ends (at least 1). */
  retryAfterSeconds: number;
}

/** Fixed-window counters: at most `limit` hits per key per window. */
export interface RateLimiter {
  consume(key: string, limit: number, windowSeconds: number): Promise<RateDecision>;
}

export const RATE_LIMITER = Symbol('RATE_LIMITER');

/** Windows kept before expired ones are swept, so a flood of distinct keys cannot grow memory forever. */
const SWEEP_AT = 10_000;

/** One process's counters: right for a single API node (the embedded default). */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async consume(key: string, limit: number, windowSeconds: number): Promise<RateDecision> {
    const now = this.now();
    if (this.windows.size >= SWEEP_AT) this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.windows.set(key, window);
    }
    window.count++;
    return {
      allowed: window.count <= limit,
      count: window.count,
      retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)),
    };
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

// INCR, and EXPIRE on the first hit of a window, atomically (a crash between the two would leave a
// counter that never expires).
const CONSUME_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('TTL', KEYS[1])
if ttl < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

/**
 * Counters shared by every API node (REDIS_URL). If Redis cannot be reached the request is let
 * through and a warning logged: a patient's message matters more than a perfect limit.
 */
export class RedisRateLimiter implements RateLimiter, OnModuleDestroy {
  private readonly logger = new Logger('RateLimiter');
  private lastWarning = 0;

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'parley:rate:',
  ) {
    // Connection errors surface on the next consume(); without a listener ioredis prints them raw.
    redis.on('error', (error: unknown) => this.warn(error));
  }

  async consume(key: string, limit: number, windowSeconds: number): Promise<RateDecision> {
    try {
      const [count, ttl] = (await this.redis.eval(
        CONSUME_SCRIPT,
        1,
        this.prefix + key,
        String(windowSeconds),
      )) as [number, number];
      return { allowed: count <= limit, count, retryAfterSeconds: Math.max(1, ttl) };
    } catch (error) {
      this.warn(error);
      return { allowed: true, count: 0, retryAfterSeconds: 1 };
    }
  }

  private warn(error: unknown): void {
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    this.logger.warn(
      { err: error },
      'Redis is unavailable; rate limits are not applied until it is back',
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }
}
