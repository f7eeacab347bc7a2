import { Injectable } from '@nestjs/common';
import type { PublicPolicy } from './policy.types';

/** What a public read returns: the policy plus its JSON body and strong ETag, computed once. */
export interface PublicPolicyEntry {
  policy: PublicPolicy;
  json: string;
  etag: string;
}

interface Slot {
  practiceId: string;
  /** null: the practice exists but has published nothing yet. */
  entry: PublicPolicyEntry | null;
  expiresAt: number;
}

/** Same as the HTTP max-age: other API nodes see a publish within a minute at worst. */
const TTL_MS = 60_000;
/** Only known practices are cached, but bound the map anyway. */
const MAX_SLOTS = 10_000;

/**
 * Public policies by slug, in memory. Publishing invalidates the practice's slot on this node;
 * the short TTL covers the other nodes. Channel changes need no invalidation: snapshots are frozen.
 */
@Injectable()
export class PublicPolicyCache {
  private readonly slots = new Map<string, Slot>();

  get(slug: string, now = Date.now()): Slot | undefined {
    const slot = this.slots.get(slug);
    if (slot && slot.expiresAt <= now) {
      this.slots.delete(slug);
      return undefined;
    }
    return slot;
  }

  set(slug: string, practiceId: string, entry: PublicPolicyEntry | null, now = Date.now()): void {
    if (this.slots.size >= MAX_SLOTS) {
      const oldest = this.slots.keys().next().value;
      if (oldest !== undefined) this.slots.delete(oldest);
    }
    this.slots.delete(slug);
    this.slots.set(slug, { practiceId, entry, expiresAt: now + TTL_MS });
  }

  invalidate(practiceId: string): void {
    for (const [slug, slot] of this.slots) {
      if (slot.practiceId === practiceId) this.slots.delete(slug);
    }
  }
}
