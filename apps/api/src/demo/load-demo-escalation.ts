import type { INestApplication } from '@nestjs/common';
import { Database, RequestContext } from '@parley/api/core';
import { EscalationSettingsService } from '@parley/api/escalation';
import { IncidentActionsService, IncidentsService } from '@parley/api/incidents';
import { DEFAULT_CLOCK_SETTINGS, londonDateOf } from '@parley/shared/domain';

const DAY_MS = 86_400_000;

/**
 * Wilmslow's escalation thresholds (saved once, stricter than the defaults on acknowledgement)
 * and a short incident history for one patient, so the console's ladder and alerts have
 * something to show. Trumpington keeps the defaults.
 */
export async function loadDemoEscalation(app: INestApplication): Promise<void> {
  const [wilmslow] = await app
    .get(Database)
    .run({ tenantPracticeId: null }, (uow) =>
      uow.query<{ id: string }>(`SELECT id FROM practices WHERE slug = 'wilmslow-health-centre'`),
    );
  if (!wilmslow) return;
  const ctx = RequestContext.system(wilmslow.id);

  await app.get(EscalationSettingsService).save(ctx, {
    ladder: [
      { kind: 'invite_discussion', trigger: { minSeverity: 2 } },
      { kind: 'contact_group_admins', trigger: { minSeverity: 3 } },
      { kind: 'formal_warning', trigger: { minSeverity: 2, incidentCount: 2, withinDays: 60 } },
      { kind: 'removal_request', trigger: { minSeverity: 3, incidentCount: 3, withinDays: 365 } },
    ],
    removalRules: {
      warningValidMonths: 12,
      writtenConfirmationDays: 7,
      allowRemovalWithoutWarningWhenUnsafe: true,
    },
    clocks: { ...DEFAULT_CLOCK_SETTINGS, ackWorkingDays: 2 },
    volumeAlert: { count: 5, withinDays: 7, of: 'negative' },
    note: 'Agreed at the practice meeting: acknowledge complaints within 2 working days.',
  });

  const incidents = app.get(IncidentsService);
  const patient = await incidents.addPatient(ctx, { label: 'P-0001' });
  const now = Date.now();
  const first = await incidents.log(ctx, {
    platform: 'facebook',
    link: 'https://www.facebook.com/groups/wilmslow-community/posts/1001',
    seenAt: new Date(now - 20 * DAY_MS),
    reportedBy: 'Receptionist, told by a patient at the desk',
    summary:
      'Post in a local community group calling the reception team "useless idiots" after a wait for an appointment.',
    severity: 2,
    staffNamed: false,
    patientId: patient.id,
  });
  await app.get(IncidentActionsService).recordStep(ctx, {
    incidentId: first.id,
    kind: 'invite_discussion',
    takenOn: londonDateOf(new Date(now - 18 * DAY_MS)),
    notes: 'Letter sent inviting the patient to meet the practice manager.',
  });
  await incidents.log(ctx, {
    platform: 'x',
    link: 'https://x.com/example/status/1002',
    seenAt: new Date(now - 3 * DAY_MS),
    reportedBy: 'Practice manager',
    summary: 'Reply naming a receptionist and calling her rude and lazy.',
    severity: 3,
    staffNamed: true,
    patientId: patient.id,
  });
}
