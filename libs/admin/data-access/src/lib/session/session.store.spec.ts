import { TestBed } from '@angular/core/testing';
import { Permission, Role } from '@parley/shared/domain';
import { Role as ApiRole } from '../generated/graphql';
import { FIXTURE_PLACES, FIXTURE_SIGN_INS, fixturePayload } from '../testing/session-fixtures';
import { SessionStore } from './session.store';

const { wilmslow, alderley, cheshire } = FIXTURE_PLACES;

/** A store as a fresh page load would build it (reading whatever storage holds). */
function freshStore(): SessionStore {
  TestBed.resetTestingModule();
  return TestBed.inject(SessionStore);
}

describe('SessionStore', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it('starts signed out and grants nothing, not even Authenticated', () => {
    const store = freshStore();
    expect(store.signedIn()).toBe(false);
    expect(store.user()).toBeNull();
    expect(store.can(Permission.Authenticated)).toBe(false);
    expect(store.can(Permission.PracticeRead)).toBe(false);
  });

  it('maps the GraphQL role names to the shared role values', () => {
    const store = freshStore();
    store.start(FIXTURE_SIGN_INS.twoPractices());
    expect(store.user()?.memberships.map((m) => m.role)).toEqual([
      Role.PracticeManager,
      Role.PracticeStaff,
    ]);
  });

  describe('permissions per role', () => {
    it('a practice manager may manage people, publish the policy and read the audit log', () => {
      const store = freshStore();
      store.start(FIXTURE_SIGN_INS.manager());
      for (const p of [
        Permission.PeopleRead,
        Permission.PeopleManage,
        Permission.PolicyPublish,
        Permission.AuditRead,
      ]) {
        expect(store.can(p)).toBe(true);
      }
      expect(store.can(Permission.PlatformManage)).toBe(false);
      expect(store.can(Permission.InsightsRead)).toBe(false);
    });

    it('practice staff may read and log, but not manage', () => {
      const store = freshStore();
      store.start(FIXTURE_SIGN_INS.staff());
      expect(store.can(Permission.PeopleRead)).toBe(true);
      expect(store.can(Permission.FeedbackLog)).toBe(true);
      expect(store.can(Permission.PeopleManage)).toBe(false);
      expect(store.can(Permission.PolicyPublish)).toBe(false);
    });

    it('an ICB auditor reads insights only and has no active practice', () => {
      const store = freshStore();
      store.start(FIXTURE_SIGN_INS.auditor());
      expect(store.can(Permission.InsightsRead)).toBe(true);
      expect(store.can(Permission.PracticeRead)).toBe(false);
      expect(store.activePracticeId()).toBeNull();
      expect(store.auditedIcbs()).toEqual([cheshire]);
    });

    it('a platform admin manages the platform but reads no practice data', () => {
      const store = freshStore();
      store.start(FIXTURE_SIGN_INS.platformAdmin());
      expect(store.isPlatformAdmin()).toBe(true);
      expect(store.can(Permission.PlatformManage)).toBe(true);
      expect(store.can(Permission.Authenticated)).toBe(true);
      expect(store.can(Permission.PeopleRead)).toBe(false);
    });
  });

  describe('practice switching', () => {
    it('defaults to the first practice by name and checks practice permissions there only', () => {
      const store = freshStore();
      store.start(FIXTURE_SIGN_INS.twoPractices());
      expect(store.practices().map((p) => p.name)).toEqual([alderley.name, wilmslow.name]);
      expect(store.activePracticeId()).toBe(alderley.id);
      expect(store.can(Permission.PeopleManage)).toBe(false); // staff at Alderley Edge

      expect(store.selectPractice(wilmslow.id)).toBe(true);
      expect(store.activePractice()).toEqual(wilmslow);
      expect(store.practiceRoles()).toEqual([Role.PracticeManager]);
      expect(store.can(Permission.PeopleManage)).toBe(true);
    });

    it('refuses a practice the person does not belong to', () => {
      const store = freshStore();
      store.start(FIXTURE_SIGN_INS.manager());
      expect(store.selectPractice(alderley.id)).toBe(false);
      expect(store.activePracticeId()).toBe(wilmslow.id);
    });

    it('remembers the choice per person across sign-ins', () => {
      let store = freshStore();
      store.start(FIXTURE_SIGN_INS.twoPractices());
      store.selectPractice(wilmslow.id);
      store.clear();

      store = freshStore();
      store.start(
        fixturePayload(
          [
            { role: ApiRole.PracticeStaff, practice: alderley },
            { role: ApiRole.PracticeStaff, practice: wilmslow },
          ],
          { userId: 'someone-else' },
        ),
      );
      expect(store.activePracticeId()).toBe(alderley.id); // another person: not their choice

      store.clear();
      store = freshStore();
      store.start(FIXTURE_SIGN_INS.twoPractices());
      expect(store.activePracticeId()).toBe(wilmslow.id);
    });

    it('falls back when the remembered practice is no longer one of theirs', () => {
      localStorage.setItem('parley.activePractice.user-1', 'gone');
      const store = freshStore();
      store.start(FIXTURE_SIGN_INS.twoPractices());
      expect(store.activePracticeId()).toBe(alderley.id);
    });
  });

  it('keeps the session in sessionStorage for a reload, and forgets it on clear', () => {
    let store = freshStore();
    store.start(FIXTURE_SIGN_INS.twoPractices());
    store.selectPractice(wilmslow.id);

    store = freshStore();
    expect(store.signedIn()).toBe(true);
    expect(store.accessToken()).toBe('access-1');
    expect(store.user()?.name).toBe('Jo Bloggs');
    expect(store.activePracticeId()).toBe(wilmslow.id);

    store.clear();
    expect(sessionStorage.getItem('parley.session')).toBeNull();
    expect(freshStore().signedIn()).toBe(false);
  });

  it('ignores a damaged stored session', () => {
    sessionStorage.setItem('parley.session', '{"accessToken":');
    expect(freshStore().signedIn()).toBe(false);
  });

  it('takes new tokens and memberships from a refresh', () => {
    const store = freshStore();
    store.start(FIXTURE_SIGN_INS.staff());
    store.refreshed(
      fixturePayload([{ role: ApiRole.PracticeManager, practice: wilmslow }], {
        accessToken: 'access-2',
        refreshToken: 'refresh-2',
      }),
    );
    expect(store.accessToken()).toBe('access-2');
    expect(store.refreshToken()).toBe('refresh-2');
    expect(store.can(Permission.PeopleManage)).toBe(true);
  });
});
