import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import {
  type Actor,
  addChannel,
  codeOf,
  countItems,
  type Item,
  ITEM,
  LIST,
  BOOT_TIMEOUT_MS,
  setClocks,
} from './feedback-fixtures';

const IMPORT = `mutation ($csv: String!) { importComplaintsCsv(csv: $csv) { rows imported problems { row field message } } }`;
const CLI = resolve(__dirname, '../../../../tools/import-complaints/import.mjs');

interface ImportResult {
  rows: number;
  imported: number;
  problems: { row: number; field: string | null; message: string }[];
}

const GOOD = [
  'Received On,Channel,Summary,Kind,Status,Subject Areas,Staff Groups,Complainant Status,Age Band,Acknowledged On,Responded On,Closed On,Outcome,PHSO Informed,Contact Name,Oral',
  '03/02/2025,Import desk,"Rude on the phone, then hung up",complaint,closed,Staff attitude behaviour; communication,admin_reception,patient,age_65_74,04/02/2025,2025-02-20,2025-02-21,partially_upheld,yes,Imported Person,yes',
  '2025-02-10,Import phone,Could not get through at 8am,complaint,acknowledged,,,,,2025-02-11,,,,,,',
  '2025-02-12,Import desk,Thank you to Dr Example,compliment,closed,,,,,,,2025-02-12,,,,',
  '2025-02-14,Import desk,Complaint withdrawn after a call,,withdrawn,,,,,2025-02-17,,2025-02-18,,,,',
].join('\r\n');

describe('complaints CSV import', () => {
  let t: TestApp;
  let wilmslow: string;
  let manager: Actor;
  let staff: Actor;
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp();
    wilmslow = await t.practiceId('wilmslow-health-centre');
    manager = { token: await t.tokenFor(DEMO.wilmslowManager), practiceId: wilmslow };
    await setClocks(t, manager);
    staff = { token: await t.tokenFor(DEMO.wilmslowStaff), practiceId: wilmslow };
    await addChannel(t, wilmslow, 'in_person', { label: 'Import desk' });
    await addChannel(t, wilmslow, 'phone', { label: 'Import phone' });
    dir = mkdtempSync(join(tmpdir(), 'parley-import-'));
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t.close());

  const importCsv = async (csv: string, actor: Actor = manager) =>
    (await t.gqlOk<{ importComplaintsCsv: ImportResult }>(IMPORT, { csv }, actor))
      .importComplaintsCsv;

  it('reports every problem of every row and stores nothing when any row is wrong', async () => {
    const before = await countItems(t, wilmslow);
    const csv = [
      'received_on,channel,summary,status,outcome,phso_informed,subject_areas,complainant_status,age_band,acknowledged_on,responded_on,closed_on,contact_email',
      '2025-02-01,Import desk,Fine row,,,,,,,,,,',
      '31/02/2025,Import desk,Bad date,,,,,,,,,,',
      '2025-02-01,Fax machine,Unknown channel,,,,,,,,,,',
      '2025-02-01,Import desk,Closed without outcome,closed,,yes,clinical,patient,unknown,2025-02-02,2025-02-03,2025-02-04,',
      '2025-02-01,Import desk,,responded,,no,,,,2025-02-02,2025-02-03,,someone@',
      '2099-01-01,Import desk,Future,,,,,,,,,,',
      '2025-02-01,Import desk,Subject unknown,,,,bunions,,,,,,',
    ].join('\n');
    const result = await importCsv(csv);
    expect(result.imported).toBe(0);
    expect(result.rows).toBe(7);
    const by = (row: number) => result.problems.filter((p) => p.row === row).map((p) => p.field);
    expect(by(2)).toEqual([]);
    expect(by(3)).toEqual(['received_on']);
    expect(by(4)).toEqual(['channel']);
    expect(by(5)).toEqual(['outcome']);
    expect(by(6)).toEqual(expect.arrayContaining(['summary', 'phso_informed', 'contact_email']));
    expect(by(7)).toEqual(['received_on']);
    expect(by(8)).toEqual(['subject_areas']);
    expect(result.problems.find((p) => p.row === 4)?.message).toContain('Import desk (in_person)');
    expect(await countItems(t, wilmslow)).toBe(before);
  });

  it('reports header problems and malformed CSV', async () => {
    const header = await importCsv('received_on,summary,colour\n2025-01-01,x,red');
    expect(header.problems).toEqual([
      { row: 1, field: 'colour', message: expect.stringContaining('Unknown column "colour"') },
      { row: 1, field: 'channel', message: 'The column channel is required.' },
    ]);
    const broken = await importCsv(
      'received_on,channel,summary\n2025-01-01,Import desk,"never closed\n',
    );
    expect(broken.imported).toBe(0);
    expect(broken.problems[0].message).toMatch(/not valid CSV/);
    const empty = await importCsv('received_on,channel,summary\n');
    expect(empty.problems).toEqual([
      { row: 2, field: null, message: 'The file has a header but no data rows.' },
    ]);
  });

  it('imports a good file whole: statuses, dates, coding by label, contact and history', async () => {
    const before = await countItems(t, wilmslow);
    const result = await importCsv(GOOD);
    expect(result).toEqual({ rows: 4, imported: 4, problems: [] });
    expect(await countItems(t, wilmslow)).toBe(before + 4);

    const found = await t.gqlOk<{ feedbackItems: { items: { id: string }[] } }>(
      LIST,
      { filter: { search: 'Rude on the phone' } },
      manager,
    );
    const closed = (
      await t.gqlOk<{ feedbackItem: Item }>(ITEM, { id: found.feedbackItems.items[0].id }, manager)
    ).feedbackItem;
    expect(closed).toMatchObject({
      source: 'import',
      status: 'closed',
      oral: true,
      receivedOn: '2025-02-03',
      acknowledgedOn: '2025-02-04',
      respondedOn: '2025-02-20',
      closedOn: '2025-02-21',
      outcome: 'partially_upheld',
      phsoInformed: true,
      coding: {
        subjectAreas: ['communication', 'staff_attitude_behaviour'],
        staffGroups: ['admin_reception'],
        complainantStatus: 'patient',
        ageBand: 'age_65_74',
        complete: true,
      },
      contact: { name: 'Imported Person', email: null, phone: null },
      clocks: {
        acknowledgementDue: '2025-02-06',
        acknowledgedInTime: true,
        acknowledgementOverdue: false,
        delayLetterOverdue: false,
      },
    });
    expect(closed.history.map((h) => [h.from, h.to, h.effectiveOn])).toEqual([
      [null, 'received', '2025-02-03'],
      ['received', 'acknowledged', '2025-02-04'],
      ['acknowledged', 'investigating', '2025-02-04'],
      ['investigating', 'responded', '2025-02-20'],
      ['responded', 'closed', '2025-02-21'],
    ]);
    const compliment = await t.gqlOk<{
      feedbackItems: { items: { kind: string; status: string; history: { to: string }[] }[] };
    }>(LIST, { filter: { search: 'Thank you to Dr Example' } }, manager);
    expect(compliment.feedbackItems.items[0]).toMatchObject({
      kind: 'compliment',
      status: 'closed',
      history: [{ to: 'received' }, { to: 'closed' }],
    });
    const withdrawn = await t.gqlOk<{
      feedbackItems: { items: { status: string; history: { to: string }[] }[] };
    }>(LIST, { filter: { search: 'withdrawn after a call' } }, manager);
    expect(withdrawn.feedbackItems.items[0]).toMatchObject({
      status: 'withdrawn',
      history: [{ to: 'received' }, { to: 'acknowledged' }, { to: 'withdrawn' }],
    });
  });

  it('takes a file far larger than the default 100 kB body (the body limit is for anonymous callers)', async () => {
    const before = await countItems(t, wilmslow);
    const row = (i: number) =>
      `2025-03-03,Import desk,Large file row ${i} ${'with a long summary '.repeat(5)},compliment,closed,,,,,,,2025-03-03,,,,`;
    const csv = [GOOD.split('\r\n')[0], ...Array.from({ length: 1500 }, (_, i) => row(i))].join(
      '\r\n',
    );
    expect(csv.length).toBeGreaterThan(200_000);
    expect(await importCsv(csv)).toEqual({ rows: 1500, imported: 1500, problems: [] });
    expect(await countItems(t, wilmslow)).toBe(before + 1500);

    // The same body without a sign-in is refused at the door, 413 and not 500.
    const anonymous = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: IMPORT, variables: { csv } }),
    });
    expect(anonymous.status).toBe(413);
    expect((await anonymous.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    const malformed = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(malformed.status).toBe(400);
  });

  it('is for managers only', async () => {
    expect(codeOf(await t.gql(IMPORT, { csv: GOOD }, staff))).toBe('FORBIDDEN');
    expect(
      codeOf(await t.gql(IMPORT, { csv: GOOD }, { token: await t.tokenFor(DEMO.cheshireAuditor) })),
    ).toBe('FORBIDDEN');
  });

  it(
    'the command line posts a file with a token and reports the outcome',
    async () => {
      const run = async (file: string) => {
        try {
          const { stdout, stderr } = await promisify(execFile)(
            'node',
            [CLI, file, '--url', t.url, '--practice', wilmslow],
            {
              env: { ...process.env, PARLEY_TOKEN: manager.token, NODE_OPTIONS: '' },
            },
          );
          return { code: 0, out: stdout + stderr };
        } catch (error) {
          const e = error as { code: number; stdout: string; stderr: string };
          return { code: e.code, out: e.stdout + e.stderr };
        }
      };
      const good = join(dir, 'good.csv');
      writeFileSync(good, GOOD.replace(/Rude on the phone/, 'CLI rude on the phone'));
      const before = await countItems(t, wilmslow);
      const ok = await run(good);
      expect(ok).toEqual({ code: 0, out: expect.stringContaining('Imported 4 of 4 rows.') });
      expect(await countItems(t, wilmslow)).toBe(before + 4);

      const bad = join(dir, 'bad.csv');
      writeFileSync(bad, 'received_on,channel,summary\n2025-01-01,Nowhere,x\n');
      const refused = await run(bad);
      expect(refused.code).toBe(1);
      expect(refused.out).toContain('Nothing was imported');
      expect(refused.out).toMatch(
        /\n\s+2\s+channel\s+"Nowhere" is not one of the practice's channels/,
      );
      expect(await countItems(t, wilmslow)).toBe(before + 4);
    },
    BOOT_TIMEOUT_MS,
  );
});
