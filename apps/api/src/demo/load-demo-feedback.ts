import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { Database, RequestContext } from '@parley/api/core';
import { ComplaintsImportService } from '@parley/api/feedback';
import { addDays, type FftRating, type IsoDate, londonDateOf } from '@parley/shared/domain';
import { randomUUID } from 'node:crypto';

/** A few weeks of a plausible log for each customer practice, relative to today so the clocks look live. No real people. */
const DEMO_LOGS: Record<string, (day: (daysAgo: number) => IsoDate) => string[][]> = {
  'wilmslow-health-centre': (day) => [
    [
      'received_on',
      'channel',
      'summary',
      'kind',
      'sentiment',
      'oral',
      'status',
      'subject_areas',
      'staff_groups',
      'complainant_status',
      'age_band',
      'acknowledged_on',
      'responded_on',
      'closed_on',
      'outcome',
      'phso_informed',
    ],
    [
      day(1),
      'in_person',
      'Relative unhappy that the phone queue at 8am was over 30 minutes and then no appointments were left.',
      'complaint',
      'negative',
      'yes',
      'received',
      'access_appointments',
      'admin_reception',
      'relative_carer',
      'age_75_84',
      '',
      '',
      '',
      '',
      '',
    ],
    [
      day(8),
      'letter_box',
      'Letter about a repeat prescription that was not ready after a week, twice in a row.',
      'complaint',
      'negative',
      'no',
      'received',
      'prescribing',
      '',
      'patient',
      'age_65_74',
      '',
      '',
      '',
      '',
      '',
    ],
    [
      day(12),
      'letter_box',
      'Felt rushed in a GP appointment and that the concern about knee pain was not listened to.',
      'complaint',
      'negative',
      'no',
      'investigating',
      'clinical;communication',
      'gp',
      'patient',
      'age_16_64',
      day(11),
      '',
      '',
      '',
      '',
    ],
    [
      day(64),
      'in_person',
      'Receptionist discussed a test result loudly at the front desk.',
      'complaint',
      'negative',
      'yes',
      'closed',
      'staff_attitude_behaviour;communication',
      'admin_reception',
      'patient',
      'age_16_64',
      day(62),
      day(40),
      day(39),
      'upheld',
      'yes',
    ],
    [
      day(5),
      'in_person',
      'Thank you to the nursing team for the calm and kind baby clinic.',
      'compliment',
      'positive',
      'yes',
      'closed',
      '',
      '',
      '',
      '',
      '',
      '',
      day(4),
      '',
      '',
    ],
    [
      day(3),
      'letter_box',
      'Suggestion: a second hand-gel station by the lift.',
      'suggestion',
      'neutral',
      'no',
      'acknowledged',
      '',
      '',
      '',
      '',
      day(2),
      '',
      '',
      '',
      '',
    ],
  ],
  'trumpington-street': (day) => [
    [
      'received_on',
      'channel',
      'summary',
      'kind',
      'sentiment',
      'oral',
      'status',
      'subject_areas',
      'staff_groups',
      'complainant_status',
      'age_band',
      'acknowledged_on',
      'responded_on',
      'closed_on',
      'outcome',
      'phso_informed',
    ],
    [
      day(2),
      'letter_box',
      'Could not book an appointment online: the system showed none for three weeks.',
      'complaint',
      'negative',
      'no',
      'acknowledged',
      'access_appointments',
      'practice_management',
      'patient',
      'age_16_64',
      day(1),
      '',
      '',
      '',
      '',
    ],
    [
      day(9),
      'in_person',
      'Carer was not told that a referral letter had been sent, and chased it for a fortnight.',
      'complaint',
      'negative',
      'yes',
      'received',
      'communication;practice_administration',
      'admin_reception',
      'relative_carer',
      'age_85_plus',
      '',
      '',
      '',
      '',
      '',
    ],
    [
      day(45),
      'letter_box',
      'Step at the entrance is hard to manage with a walking frame.',
      'complaint',
      'negative',
      'no',
      'closed',
      'premises',
      '',
      'patient',
      'age_75_84',
      day(44),
      day(30),
      day(28),
      'partially_upheld',
      'yes',
    ],
    [
      day(6),
      'in_person',
      'Compliment for the practice pharmacist who sorted out a medication review quickly.',
      'compliment',
      'positive',
      'yes',
      'received',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ],
  ],
};

/** Friends and Family Test answers per month: mostly good, as real practices see. */
const FFT_MIX: readonly [FftRating, number][] = [
  ['very_good', 11],
  ['good', 6],
  ['neither', 2],
  ['poor', 1],
  ['very_poor', 1],
  ['dont_know', 1],
];
const FFT_COMMENTS = [
  'Always helpful on the phone.',
  'Waited a long time in the waiting room.',
  'The nurse explained everything clearly.',
];

/**
 * Loads demo feedback for the two customer practices, right after their channels exist: the log
 * goes through the CSV import (so it is checked like any import), FFT answers are written directly.
 */
export async function loadDemoFeedback(app: INestApplication): Promise<void> {
  const logger = new Logger('DemoData');
  const database = app.get(Database);
  const importer = app.get(ComplaintsImportService);
  const today = londonDateOf(new Date());
  const day = (daysAgo: number) => addDays(today, -daysAgo);
  for (const [slug, log] of Object.entries(DEMO_LOGS)) {
    const [practice] = await database.run({ tenantPracticeId: null }, (uow) =>
      uow.query<{ id: string }>('SELECT id FROM practices WHERE slug = $1', [slug]),
    );
    if (!practice) continue;
    const csv = log(day)
      .map((row) =>
        row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(','),
      )
      .join('\n');
    const result = await importer.import(RequestContext.system(practice.id), csv);
    if (result.problems.length > 0) {
      logger.warn(
        `Demo feedback for ${slug} not loaded: ${result.problems.map((p) => `row ${p.row} ${p.field ?? ''} ${p.message}`).join('; ')}`,
      );
    }
    const answers: {
      id: string;
      rating: FftRating;
      respondedOn: IsoDate;
      comment: string | null;
    }[] = [];
    for (let month = 0; month < 6; month++) {
      let n = 0;
      for (const [rating, count] of FFT_MIX) {
        for (let i = 0; i < count + ((month + i) % 3); i++, n++) {
          const comment = n % 9 === 0 ? FFT_COMMENTS[n % FFT_COMMENTS.length] : null;
          answers.push({
            id: randomUUID(),
            rating,
            respondedOn: day(month * 30 + ((n * 7) % 28)),
            comment,
          });
        }
      }
    }
    const commented = answers.filter((a) => a.comment !== null);
    // One statement each for the answers and their comments: demo data loads on every fresh start.
    await database.run({ tenantPracticeId: practice.id }, async (uow) => {
      await uow.query(
        `INSERT INTO fft_responses (practice_id, id, rating, responded_on)
         SELECT $1, id, r, d::date FROM unnest($2::uuid[], $3::text[], $4::text[]) AS a(id, r, d)`,
        [
          practice.id,
          answers.map((a) => a.id),
          answers.map((a) => a.rating),
          answers.map((a) => a.respondedOn),
        ],
      );
      await uow.query(
        `INSERT INTO fft_comments (practice_id, response_id, comment) SELECT $1, id, c FROM unnest($2::uuid[], $3::text[]) AS x(id, c)`,
        [practice.id, commented.map((a) => a.id), commented.map((a) => a.comment)],
      );
    });
  }
}
