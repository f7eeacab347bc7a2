import { computed, inject, Injectable, InjectionToken, signal } from '@angular/core';
import { isPracticePermission, type Permission, Role, roleGrants } from '@parley/shared/domain';
import type { MeFieldsFragment } from '../generated/graphql';
import { roleFromApi } from './roles';

export interface Place {
  id: string;
  name: string;
  slug: string;
}

export interface SessionMembership {
  role: Role;
  practice: Place | null;
  icb: Place | null;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  memberships: SessionMembership[];
}

interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  user: SessionUser;
}

/** What `login`, `refresh` and `acceptInvitation` return. */
export interface TokenPayload {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: MeFieldsFragment;
}

/** Where tokens live: per tab, gone when the tab closes. */
export const SESSION_STORAGE = new InjectionToken<Storage | null>('SESSION_STORAGE', {
  providedIn: 'root',
  factory: () => storageOrNull(() => globalThis.sessionStorage),
});

/** Where the last active practice of each person is remembered across visits. */
export const PREFERENCE_STORAGE = new InjectionToken<Storage | null>('PREFERENCE_STORAGE', {
  providedIn: 'root',
  factory: () => storageOrNull(() => globalThis.localStorage),
});

const SESSION_KEY = 'parley.session';
const practiceKey = (userId: string) => `parley.activePractice.${userId}`;

function storageOrNull(get: () => Storage | undefined): Storage | null {
  try {
    return get() ?? null;
  } catch {
    return null; // storage blocked (privacy settings): the session lives in memory only
  }
}

export function toSessionUser(me: MeFieldsFragment): SessionUser {
  return {
    id: me.id,
    email: me.email,
    name: me.name,
    memberships: me.memberships.map((m) => ({
      role: roleFromApi(m.role),
      practice: m.practice ? { ...m.practice } : null,
      icb: m.icb ? { ...m.icb } : null,
    })),
  };
}

/**
 * The signed-in person, their tokens and the active practice, as signals. Permission checks
 * mirror the API's: practice permissions by the roles held in the active practice, the others by
 * any role held.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly sessionStorage = inject(SESSION_STORAGE);
  private readonly preferences = inject(PREFERENCE_STORAGE);

  private readonly state = signal<StoredSession | null>(this.readStored());
  private readonly chosenPracticeId = signal<string | null>(
    this.readPreference(this.state()?.user.id),
  );

  readonly user = computed(() => this.state()?.user ?? null);
  readonly signedIn = computed(() => this.state() !== null);
  readonly accessToken = computed(() => this.state()?.accessToken ?? null);
  readonly refreshToken = computed(() => this.state()?.refreshToken ?? null);

  /** The practices the person belongs to, once each, by name. */
  readonly practices = computed<Place[]>(() => {
    const byId = new Map<string, Place>();
    for (const m of this.user()?.memberships ?? [])
      if (m.practice) byId.set(m.practice.id, m.practice);
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  });

  /** The chosen practice if still a member, else the first one; null without practice roles. */
  readonly activePracticeId = computed<string | null>(() => {
    const practices = this.practices();
    const chosen = this.chosenPracticeId();
    if (chosen && practices.some((p) => p.id === chosen)) return chosen;
    return practices[0]?.id ?? null;
  });

  readonly activePractice = computed(
    () => this.practices().find((p) => p.id === this.activePracticeId()) ?? null,
  );

  /** Roles held in the active practice. */
  readonly practiceRoles = computed<Role[]>(() => {
    const active = this.activePracticeId();
    return (this.user()?.memberships ?? [])
      .filter((m) => m.practice?.id === active)
      .map((m) => m.role);
  });

  /** The ICBs the person audits. */
  readonly auditedIcbs = computed<Place[]>(() =>
    (this.user()?.memberships ?? [])
      .filter((m) => m.role === Role.IcbAuditor && m.icb)
      .map((m) => m.icb as Place),
  );

  readonly isPlatformAdmin = computed(() =>
    (this.user()?.memberships ?? []).some((m) => m.role === Role.PlatformAdmin),
  );

  /** Whether the person may do this in the active practice (or anywhere, for other permissions). */
  can(permission: Permission): boolean {
    const user = this.user();
    if (!user) return false;
    if (isPracticePermission(permission)) {
      return this.practiceRoles().some((role) => roleGrants(role, permission));
    }
    return user.memberships.some((m) => roleGrants(m.role, permission));
  }

  /** Starts a session from a sign-in (login or accepted invitation). */
  start(payload: TokenPayload): void {
    const user = toSessionUser(payload.user);
    this.chosenPracticeId.set(this.readPreference(user.id));
    this.write({ ...this.tokensOf(payload), user });
  }

  /** New tokens from `refresh`; the user comes along and may carry changed memberships. */
  refreshed(payload: TokenPayload): void {
    if (!this.state()) return;
    this.write({ ...this.tokensOf(payload), user: toSessionUser(payload.user) });
  }

  /** The latest `me`, e.g. after memberships changed. */
  updateUser(me: MeFieldsFragment): void {
    const state = this.state();
    if (state) this.write({ ...state, user: toSessionUser(me) });
  }

  /** Makes a practice the active one (ignored unless the person belongs to it). */
  selectPractice(practiceId: string): boolean {
    const user = this.user();
    if (!user || !this.practices().some((p) => p.id === practiceId)) return false;
    this.chosenPracticeId.set(practiceId);
    try {
      this.preferences?.setItem(practiceKey(user.id), practiceId);
    } catch {
      // the choice still holds for this visit
    }
    return true;
  }

  /** Forgets the tokens and the person (the remembered practice stays for next time). */
  clear(): void {
    this.state.set(null);
    this.chosenPracticeId.set(null);
    try {
      this.sessionStorage?.removeItem(SESSION_KEY);
    } catch {
      // nothing stored
    }
  }

  private tokensOf(payload: TokenPayload) {
    return {
      accessToken: payload.accessToken,
      refreshToken: payload.refreshToken,
      expiresAt: Date.now() + payload.expiresIn * 1000,
    };
  }

  private write(session: StoredSession): void {
    this.state.set(session);
    try {
      this.sessionStorage?.setItem(SESSION_KEY, JSON.stringify(session));
    } catch {
      // kept in memory only
    }
  }

  private readStored(): StoredSession | null {
    try {
      const raw = this.sessionStorage?.getItem(SESSION_KEY);
      if (!raw) return null;
      const parsed = JSON.parse(raw) as Partial<StoredSession>;
      const valid =
        typeof parsed.accessToken === 'string' &&
        typeof parsed.refreshToken === 'string' &&
        typeof parsed.user?.id === 'string' &&
        Array.isArray(parsed.user.memberships);
      return valid ? (parsed as StoredSession) : null;
    } catch {
      return null;
    }
  }

  private readPreference(userId: string | undefined): string | null {
    if (!userId) return null;
    try {
      return this.preferences?.getItem(practiceKey(userId)) ?? null;
    } catch {
      return null;
    }
  }
}
