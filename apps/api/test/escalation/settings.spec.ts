import { DEFAULT_ESCALATION_SETTINGS } from '@parley/shared/domain';
import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import {
  type Actor,
  actor,
  SAVE_SETTINGS,
  SETTINGS_FIELDS,
  settingsInput,
  TRUMPINGTON,
  WILMSLOW,
} from './fixtures';

const READ = `{ escalationSettings { ${SETTINGS_FIELDS} } }`;
const HISTORY = '{ escalationSettingsHistory { version note clocks { ackWorkingDays } savedBy } }';

interface Settings {
  version: number;
  isDefault: boolean;
  ladder: {
    kind: string;
    trigger: {
      minSeverity: string | null;
      incidentCount: number | null;
      withinDays: number | null;
    };
    triggerDescription: string;
  }[];
  clocks: { ackWorkingDays: number };
  removalRules: { warningValidMonths: number; effectiveOnDay: number };
  savedBy: string | null;
}

describe('escalation settings', () => {
  let t: TestApp;
  let manager: Actor;
  let staff: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    manager = await actor(t, DEMO.trumpingtonManager, TRUMPINGTON);
    staff = await actor(t, DEMO.trumpingtonStaff, TRUMPINGTON);
  });
  afterAll(() => t.close());

  const history = async (who: Actor = manager) =>
    (
      await who.ok<{
        escalationSettingsHistory: {
          version: number;
          note: string | null;
          clocks: { ackWorkingDays: number };
        }[];
      }>(HISTORY)
    ).escalationSettingsHistory;

  it('a practice that never saved runs on the shared defaults, as version 0', async () => {
    const { escalationSettings: s } = await staff.ok<{ escalationSettings: Settings }>(READ);
    expect(s).toMatchObject({ version: 0, isDefault: true, savedBy: null });
    expect(s.ladder.map((step) => step.kind)).toEqual(
      DEFAULT_ESCALATION_SETTINGS.ladder.map((step) => step.kind),
    );
    expect(s.ladder[2]).toMatchObject({
      trigger: { minSeverity: 'abusive', incidentCount: 2, withinDays: 90 },
      triggerDescription: '2 incidents of severity Abusive or worse within 90 days',
    });
    expect(s.clocks.ackWorkingDays).toBe(3);
    expect(s.removalRules).toEqual(
      expect.objectContaining({ warningValidMonths: 12, effectiveOnDay: 8 }),
    );
    expect(await history()).toEqual([]);
  });

  it('each save is a new version, kept in the history and audited', async () => {
    const first = await manager.ok<{ saveEscalationSettings: Settings }>(SAVE_SETTINGS, {
      input: settingsInput({ note: 'First agreed thresholds', basedOnVersion: 0 }),
    });
    expect(first.saveEscalationSettings).toMatchObject({
      version: 1,
      isDefault: false,
      savedBy: 'Tom Manager',
    });

    const stricter = settingsInput({
      clocks: {
        ackWorkingDays: 2,
        responseTargetWorkingDays: 15,
        delayLetterMonths: 4,
        timeLimitMonths: 12,
      },
    });
    const second = await manager.ok<{ saveEscalationSettings: Settings }>(SAVE_SETTINGS, {
      input: { ...stricter, basedOnVersion: 1 },
    });
    expect(second.saveEscalationSettings).toMatchObject({
      version: 2,
      clocks: { ackWorkingDays: 2 },
    });

    expect((await history()).map((v) => [v.version, v.note, v.clocks.ackWorkingDays])).toEqual([
      [2, null, 2],
      [1, 'First agreed thresholds', 3],
    ]);
    const { escalationSettings } = await staff.ok<{ escalationSettings: Settings }>(READ);
    expect(escalationSettings.version).toBe(2);

    const audit = await t.db.run({ tenantPracticeId: manager.practiceId }, (uow) =>
      uow.query<{ entity_id: string }>(
        `SELECT entity_id FROM audit_events WHERE action = 'escalation_settings.saved' ORDER BY occurred_at`,
      ),
    );
    expect(audit.map((a) => a.entity_id)).toEqual(['1', '2']);
  });

  it('refuses an edit based on a version someone has since replaced', async () => {
    const result = await manager.gql(SAVE_SETTINGS, {
      input: settingsInput({ basedOnVersion: 1 }),
    });
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'basedOnVersion',
    });
  });

  it.each([
    [
      'clocks.ackWorkingDays',
      {
        clocks: {
          ackWorkingDays: 4,
          responseTargetWorkingDays: 20,
          delayLetterMonths: 6,
          timeLimitMonths: 12,
        },
      },
      /3rd working day/,
    ],
    [
      'clocks.delayLetterMonths',
      {
        clocks: {
          ackWorkingDays: 3,
          responseTargetWorkingDays: 20,
          delayLetterMonths: 7,
          timeLimitMonths: 12,
        },
      },
      /6 months/,
    ],
    [
      'clocks.timeLimitMonths',
      {
        clocks: {
          ackWorkingDays: 3,
          responseTargetWorkingDays: 20,
          delayLetterMonths: 6,
          timeLimitMonths: 6,
        },
      },
      /12 months/,
    ],
    [
      'removalRules.warningValidMonths',
      {
        removalRules: {
          warningValidMonths: 13,
          writtenConfirmationDays: 7,
          allowRemovalWithoutWarningWhenUnsafe: true,
        },
      },
      /preceding 12 months/,
    ],
    [
      'removalRules.writtenConfirmationDays',
      {
        removalRules: {
          warningValidMonths: 12,
          writtenConfirmationDays: 8,
          allowRemovalWithoutWarningWhenUnsafe: true,
        },
      },
      /within 7 days/,
    ],
    [
      'ladder[0].kind',
      { ladder: [{ kind: 'removal_request', trigger: { minSeverity: 'abusive' } }] },
      /after a formal warning/,
    ],
    [
      'ladder[0].trigger.minSeverity',
      { ladder: [{ kind: 'contact_group_admins', trigger: { minSeverity: 'low' } }] },
      /civil criticism/,
    ],
    [
      'volumeAlert.withinDays',
      { volumeAlert: { count: 5, withinDays: 0, of: 'complaints' } },
      /between 1 and 365/,
    ],
  ])(
    'refuses settings looser than the law or inconsistent, naming %s',
    async (field, overrides, message) => {
      const before = (await history()).length;
      const result = await manager.gql(SAVE_SETTINGS, { input: settingsInput(overrides) });
      expect(result.data).toBeNull();
      expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(result.errors?.[0].message).toMatch(message);
      expect((await history()).length).toBe(before);
    },
  );

  it('accepts clocks stricter than the law', async () => {
    const data = await manager.ok<{ saveEscalationSettings: Settings }>(SAVE_SETTINGS, {
      input: settingsInput({
        clocks: {
          ackWorkingDays: 1,
          responseTargetWorkingDays: 10,
          delayLetterMonths: 3,
          timeLimitMonths: 24,
        },
      }),
    });
    expect(data.saveEscalationSettings.clocks.ackWorkingDays).toBe(1);
  });

  it('staff read the settings but may not change them', async () => {
    const result = await staff.gql(SAVE_SETTINGS, { input: settingsInput() });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await history(staff)).not.toEqual([]);
  });

  it('an auditor can neither read nor change any practice’s settings', async () => {
    const auditor = await t.tokenFor(DEMO.cheshireAuditor);
    const wilmslow = await t.practiceId(WILMSLOW);
    for (const query of [READ, HISTORY]) {
      const read = await t.gql(query, {}, { token: auditor, practiceId: wilmslow });
      expect(read.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const save = await t.gql(SAVE_SETTINGS, { input: settingsInput() }, { token: auditor });
    expect(save.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
