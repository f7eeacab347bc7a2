import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { Database, RequestContext } from '@parley/api/core';
import { ComplaintsImportService } from '@parley/api/feedback';
import { addDays, type FftRating, type IsoDate, londonDateOf } from '@parley/shared/domain';
import { randomUUID } from 'node:crypto';

/** One item of a demo log; dates are days before today, so the clocks always look live. No real people. */
interface DemoItem {
  ago: number;
  channel: 'in_person' | 'letter_box';
  kind: 'complaint' | 'compliment' | 'suggestion';
  oral: boolean;
  summary: string;
  /** Status, then the days ago it was acknowledged, responded to and closed. */
  status: string;
  steps?: [ack?: number, responded?: number, closed?: number];
  /** subject areas; staff groups; complainant status; age band (KO41(b) codes). */
  coding?: string;
  outcome?: string;
}

const DEMO_LOGS: Record<string, DemoItem[]> = {
  'wilmslow-health-centre': [
    {
      ago: 1,
      channel: 'in_person',
      kind: 'complaint',
      oral: true,
      status: 'received',
      summary:
        'Relative unhappy that the 8am phone queue was over 30 minutes and then no appointments were left.',
      coding: 'access_appointments|admin_reception|relative_carer|age_75_84',
    },
    {
      ago: 8,
      channel: 'letter_box',
      kind: 'complaint',
      oral: false,
      status: 'received',
      summary:
        'Letter about a repeat prescription that was not ready after a week, twice in a row.',
      coding: 'prescribing||patient|age_65_74',
    },
    {
      ago: 12,
      channel: 'letter_box',
      kind: 'complaint',
      oral: false,
      status: 'investigating',
      steps: [11],
      summary:
        'Felt rushed in a GP appointment and that the concern about knee pain was not listened to.',
      coding: 'clinical;communication|gp|patient|age_16_64',
    },
    {
      ago: 64,
      channel: 'in_person',
      kind: 'complaint',
      oral: true,
      status: 'closed',
      steps: [62, 40, 39],
      outcome: 'upheld',
      summary: 'Receptionist discussed a test result loudly at the front desk.',
      coding: 'staff_attitude_behaviour;communication|admin_reception|patient|age_16_64',
    },
    {
      ago: 5,
      channel: 'in_person',
      kind: 'compliment',
      oral: true,
      status: 'closed',
      steps: [undefined, undefined, 4],
      summary: 'Thank you to the nursing team for the calm and kind baby clinic.',
    },
    {
      ago: 3,
      channel: 'letter_box',
      kind: 'suggestion',
      oral: false,
      status: 'acknowledged',
      steps: [2],
      summary: 'Suggestion: a second hand-gel station by the lift.',
    },
  ],
  'trumpington-street': [
    {
      ago: 2,
      channel: 'letter_box',
      kind: 'complaint',
      oral: false,
      status: 'acknowledged',
      steps: [1],
      summary: 'Could not book an appointment online: the system showed none for three weeks.',
      coding: 'access_appointments|practice_management|patient|age_16_64',
    },
    {
      ago: 9,
      channel: 'in_person',
      kind: 'complaint',
      oral: true,
      status: 'received',
      summary:
        'Carer was not told that a referral letter had been sent, and chased it for a fortnight.',
      coding: 'communication;practice_administration|admin_reception|relative_carer|age_85_plus',
    },
    {
      ago: 45,
      channel: 'letter_box',
      kind: 'complaint',
      oral: false,
      status: 'closed',
      steps: [44, 30, 28],
      outcome: 'partially_upheld',
      summary: 'The step at the entrance is hard to manage with a walking frame.',
      coding: 'premises||patient|age_75_84',
    },
    {
      ago: 6,
      channel: 'in_person',
      kind: 'compliment',
      oral: true,
      status: 'received',
      summary: 'Compliment for the practice pharmacist who sorted out a medication review quickly.',
    },
  ],
};

const CSV_HEADER = [
  'received_on',
  'channel',
  'summary',
  'kind',
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
];

/** The demo log as the CSV a practice would import. */
function demoCsv(items: DemoItem[], day: (daysAgo: number) => IsoDate): string {
  const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const when = (ago: number | undefined) => (ago === undefined ? '' : day(ago));
  const rows = items.map((item) => {
    const [areas = '', groups = '', status = '', age = ''] = (item.coding ?? '').split('|');
    const [ack, responded, closed] = item.steps ?? [];
    const phso = item.kind === 'complaint' && responded !== undefined ? 'yes' : '';
    return [
      day(item.ago),
      item.channel,
      item.summary,
      item.kind,
      item.oral ? 'yes' : 'no',
      item.status,
      areas,
      groups,
      status,
      age,
    ]
      .concat([when(ack), when(responded), when(closed), item.outcome ?? '', phso])
      .map(cell)
      .join(',');
  });
  return [CSV_HEADER.join(','), ...rows].join('\n');
}

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
    const csv = demoCsv(log, day);
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
