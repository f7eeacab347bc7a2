import {
  isPracticePermission,
  type Permission,
  roleGrants,
  type Role,
} from '@parley/shared/domain';
import type { TenantScope } from '../database/unit-of-work';

export interface Actor {
  userId: string;
  email: string;
  name: string;
}

export interface Membership {
  role: Role;
  practiceId: string | null;
  icbId: string | null;
}

/** Raised when the request has no active practice but the operation needs one. */
export class NoActivePracticeError extends Error {
  constructor() {
    super('Choose a practice first: this operation works on one practice.');
  }
}

/**
 * Who is asking, with which roles, on behalf of which practice. Built once per request by the
 * global guard and passed as the first argument of every service method.
 */
export class RequestContext implements TenantScope {
  constructor(
    readonly requestId: string,
    readonly actor: Actor | null,
    readonly memberships: readonly Membership[],
    readonly activePracticeId: string | null,
  ) {}

  static anonymous(requestId: string): RequestContext {
    return new RequestContext(requestId, null, [], null);
  }

  /** Service-side context for work done by Parley itself (demo data, scheduled sweeps). */
  static system(practiceId: string | null = null): RequestContext {
    return new RequestContext('system', null, [], practiceId);
  }

  get tenantPracticeId(): string | null {
    return this.activePracticeId;
  }

  /** The active practice; throws when the request did not choose one. */
  get practiceId(): string {
    if (!this.activePracticeId) throw new NoActivePracticeError();
    return this.activePracticeId;
  }

  get userId(): string | null {
    return this.actor?.userId ?? null;
  }

  get isPlatformAdmin(): boolean {
    return this.memberships.some((m) => m.role === 'platform_admin');
  }

  /** Roles held in the given practice. */
  rolesIn(practiceId: string): Role[] {
    return this.memberships.filter((m) => m.practiceId === practiceId).map((m) => m.role);
  }

  /** ICBs this person audits. */
  get auditedIcbIds(): string[] {
    return this.memberships
      .filter((m) => m.role === 'icb_auditor' && m.icbId)
      .map((m) => m.icbId as string);
  }

  /**
   * Practice permissions are checked against the roles held in the active practice only;
   * the others against any role held.
   */
  can(permission: Permission): boolean {
    if (!this.actor) return false;
    if (isPracticePermission(permission)) {
      if (!this.activePracticeId) return false;
      return this.rolesIn(this.activePracticeId).some((role) => roleGrants(role, permission));
    }
    return (
      this.memberships.some((m) => roleGrants(m.role, permission)) || permission === 'authenticated'
    );
  }

  /** The same person acting in another practice (roles re-checked by `can`). */
  withActivePractice(practiceId: string | null): RequestContext {
    return new RequestContext(this.requestId, this.actor, this.memberships, practiceId);
  }
}
