import { Logger } from '@nestjs/common';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { MemoryRateLimiter, RedisRateLimiter } from './rate-limiter';

describe('MemoryRateLimiter', () => {
  it('allows `limit` hits per fixed window, then refuses with the seconds left', async () => {
    let now = 1_000_000;
    const limiter = new MemoryRateLimiter(() => now);
    for (let i = 1; i <= 3; i++)
      expect(await limiter.consume('ip:a', 3, 60)).toEqual({
        allowed: true,
        count: i,
        retryAfterSeconds: 60,
      });
    now += 20_500;
    expect(await limiter.consume('ip:a', 3, 60)).toEqual({
      allowed: false,
      count: 4,
      retryAfterSeconds: 40,
    });
    expect((await limiter.consume('ip:b', 3, 60)).allowed).toBe(true);
    now += 40_000;
    expect(await limiter.consume('ip:a', 3, 60)).toEqual({
      allowed: true,
      count: 1,
      retryAfterSeconds: 60,
    });
  });
});

const REDIS_SERVER = '/usr/bin/redis-server';
const describeWithRedis = existsSync(REDIS_SERVER) ? describe : describe.skip;

describeWithRedis('RedisRateLimiter (against a real redis-server)', () => {
  let server: ChildProcess;
  let redis: Redis;
  let port: number;

  beforeAll(async () => {
    port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    server = spawn(REDIS_SERVER, ['--port', String(port), '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    redis = new Redis({ port, maxRetriesPerRequest: 1, lazyConnect: true });
    for (let i = 0; i < 200 && redis.status !== 'ready'; i++) {
      try {
        await redis.connect();
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    // Starting a redis-server can take seconds on a busy machine.
  }, 30_000);
  afterAll(async () => {
    redis?.disconnect();
    server?.kill();
  });

  it('counts with INCR and expires the window with EXPIRE, shared by every client', async () => {
    const a = new RedisRateLimiter(redis, 'test:');
    const b = new RedisRateLimiter(new Redis({ port }), 'test:');
    expect(await a.consume('practice:x', 2, 30)).toMatchObject({ allowed: true, count: 1 });
    expect(await b.consume('practice:x', 2, 30)).toMatchObject({ allowed: true, count: 2 });
    const refused = await a.consume('practice:x', 2, 30);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(await redis.ttl('test:practice:x')).toBeGreaterThan(0);
    await b.onModuleDestroy();
  });

  it('lets requests through when Redis cannot be reached', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const gone = new Redis({
      port: 1,
      maxRetriesPerRequest: 0,
      lazyConnect: true,
      enableOfflineQueue: false,
    });
    const limiter = new RedisRateLimiter(gone);
    expect(await limiter.consume('ip:z', 1, 30)).toMatchObject({ allowed: true });
    expect(warn).toHaveBeenCalled();
    await limiter.onModuleDestroy();
  });
});
