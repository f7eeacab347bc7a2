import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { EventEmitter } from 'node:events';
import type { Alert, AlertEvent } from './alert.types';

/** Most alerts a slow subscriber may have waiting before the oldest are dropped. */
const SUBSCRIBER_BACKLOG = 200;

/**
 * Carries raised alerts to live subscribers. Subscribers get the events of one practice only;
 * the practice is the event's own field, checked again on delivery.
 */
export abstract class AlertBus {
  protected readonly local = new EventEmitter().setMaxListeners(0);

  /** Sends an alert that has been committed to every subscriber of its practice, on any process. */
  abstract publish(event: AlertEvent): Promise<void>;

  /** Resolves once the bus can deliver (Redis: subscribed). */
  abstract ready(): Promise<void>;

  abstract close(): Promise<void>;

  subscribe(practiceId: string): AsyncIterableIterator<AlertEvent> {
    return listen(this.local, practiceId, (event) => event.practiceId === practiceId);
  }

  protected deliver(event: AlertEvent): void {
    this.local.emit(event.practiceId, event);
  }
}

/** One API process: publishing is delivering. */
export class InProcessAlertBus extends AlertBus {
  async publish(event: AlertEvent): Promise<void> {
    this.deliver(event);
  }

  async ready(): Promise<void> {
    return undefined;
  }

  async close(): Promise<void> {
    this.local.removeAllListeners();
  }
}

/** The Redis channel every API process publishes to and listens on. */
export const ALERTS_CHANNEL = 'parley:alerts';

/**
 * Several API processes: each publishes to one Redis channel and delivers what it hears there
 * (its own alerts included) to its own subscribers, so a person connected to any process sees
 * alerts raised on any other.
 */
export class RedisAlertBus extends AlertBus {
  private readonly logger = new Logger('AlertBus');
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly subscribed: Promise<void>;

  constructor(url: string) {
    super();
    this.publisher = new Redis(url, { maxRetriesPerRequest: 2 });
    this.subscriber = new Redis(url);
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message}`));
    }
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel !== ALERTS_CHANNEL) return;
      const event = parseEvent(message);
      if (event) this.deliver(event);
      else this.logger.warn('Ignored a malformed alert message on Redis');
    });
    this.subscribed = this.subscriber.subscribe(ALERTS_CHANNEL).then(() => undefined);
    // Reported by ready(); never an unhandled rejection.
    this.subscribed.catch(() => undefined);
  }

  async publish(event: AlertEvent): Promise<void> {
    try {
      await this.publisher.publish(ALERTS_CHANNEL, JSON.stringify(event));
    } catch (error) {
      // The alert is stored; consoles still see it on their next read.
      this.logger.warn(
        `Could not publish an alert to Redis: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  ready(): Promise<void> {
    return this.subscribed;
  }

  async close(): Promise<void> {
    this.local.removeAllListeners();
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()]);
  }
}

function parseEvent(message: string): AlertEvent | null {
  try {
    const value = JSON.parse(message) as { practiceId?: unknown; alert?: Record<string, unknown> };
    if (
      typeof value.practiceId !== 'string' ||
      !value.alert ||
      typeof value.alert['id'] !== 'string'
    )
      return null;
    const alert = value.alert as unknown as Alert & {
      raisedAt: string;
      acknowledgedAt: string | null;
    };
    return {
      practiceId: value.practiceId,
      alert: {
        ...alert,
        raisedAt: new Date(alert.raisedAt),
        acknowledgedAt: alert.acknowledgedAt ? new Date(alert.acknowledgedAt) : null,
      },
    };
  } catch {
    return null;
  }
}

/** Events named `name` as an async iterator, until the consumer stops (GraphQL calls return()). */
function listen<T>(
  emitter: EventEmitter,
  name: string,
  accept: (value: T) => boolean,
): AsyncIterableIterator<T> {
  const queue: T[] = [];
  const waiting: ((result: IteratorResult<T>) => void)[] = [];
  let finished = false;

  const listener = (value: T) => {
    if (!accept(value)) return;
    const resolve = waiting.shift();
    if (resolve) return resolve({ value, done: false });
    queue.push(value);
    if (queue.length > SUBSCRIBER_BACKLOG) queue.shift();
  };
  const finish = (): IteratorResult<T> => {
    if (!finished) {
      finished = true;
      emitter.off(name, listener);
      queue.length = 0;
      for (const resolve of waiting.splice(0)) resolve({ value: undefined, done: true });
    }
    return { value: undefined, done: true };
  };
  emitter.on(name, listener);

  const iterator: AsyncIterableIterator<T> = {
    next: () => {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift() as T, done: false });
      if (finished) return Promise.resolve({ value: undefined, done: true });
      return new Promise<IteratorResult<T>>((resolve) => waiting.push(resolve));
    },
    return: () => Promise.resolve(finish()),
    throw: (error: unknown) => {
      finish();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
