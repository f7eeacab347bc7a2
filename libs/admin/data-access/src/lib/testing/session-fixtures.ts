import { Role as ApiRole } from '../generated/graphql';
import type { Place, TokenPayload } from '../session/session.store';

/** Test fixtures (tree-shaken from builds): places and sign-in payloads per role. */
export const FIXTURE_PLACES = {
  wilmslow: {
    id: '0b7c3a52-6a6e-4c2b-9d0e-111111111111',
    name: 'Wilmslow Health Centre',
    slug: 'wilmslow',
  },
  alderley: {
    id: '0b7c3a52-6a6e-4c2b-9d0e-222222222222',
    name: 'Alderley Edge Medical',
    slug: 'alderley',
  },
  cheshire: {
    id: '0b7c3a52-6a6e-4c2b-9d0e-333333333333',
    name: 'Cheshire and Merseyside',
    slug: 'cheshire',
  },
} satisfies Record<string, Place>;

export interface FixtureMembership {
  role: ApiRole;
  practice?: Place;
  icb?: Place;
}

export function fixturePayload(
  memberships: FixtureMembership[],
  overrides: Partial<Omit<TokenPayload, 'user'>> & {
    userId?: string;
    name?: string;
    email?: string;
  } = {},
): TokenPayload {
  return {
    accessToken: overrides.accessToken ?? 'access-1',
    refreshToken: overrides.refreshToken ?? 'refresh-1',
    expiresIn: overrides.expiresIn ?? 900,
    user: {
      id: overrides.userId ?? 'user-1',
      email: overrides.email ?? 'jo@wilmslow.demo',
      name: overrides.name ?? 'Jo Bloggs',
      memberships: memberships.map((m) => ({
        role: m.role,
        practice: m.practice ?? null,
        icb: m.icb ?? null,
      })),
    },
  };
}

/** Sign-in payloads for each role, at the fixture places. */
export const FIXTURE_SIGN_INS = {
  manager: () =>
    fixturePayload([{ role: ApiRole.PracticeManager, practice: FIXTURE_PLACES.wilmslow }]),
  staff: () => fixturePayload([{ role: ApiRole.PracticeStaff, practice: FIXTURE_PLACES.wilmslow }]),
  auditor: () => fixturePayload([{ role: ApiRole.IcbAuditor, icb: FIXTURE_PLACES.cheshire }]),
  platformAdmin: () => fixturePayload([{ role: ApiRole.PlatformAdmin }]),
  /** Manager at Wilmslow, staff at Alderley Edge. */
  twoPractices: () =>
    fixturePayload([
      { role: ApiRole.PracticeManager, practice: FIXTURE_PLACES.wilmslow },
      { role: ApiRole.PracticeStaff, practice: FIXTURE_PLACES.alderley },
    ]),
};
