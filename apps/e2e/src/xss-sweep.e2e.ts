import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { appUrl, launchBrowser, signIn, watchErrors } from './support/browser';
import {
  EMAIL_LOCAL_PARTS,
  HOSTILE_URLS,
  inspectPage,
  mutationStringInputs,
  normalise,
  packPayloads,
  PAYLOADS,
} from './support/xss';

/**
 * Classic XSS payloads stored through the real API in every free-text input of every mutation,
 * then every page that shows them visited as the person who would see it: the console (practice
 * manager, platform admin, ICB auditor), the hosted page and its iframe variant, the hosted
 * page's own form sent back with problems, and <parley-policy> on another origin. On each page no
 * dialog opens, `window.__xss` stays unset in every frame, no element a payload would make exists
 * (shadow roots and frames included), no error is logged, no request fails (`<img src=x>` would
 * ask for /x), and the payloads are there as text: every stored value must turn up on some page.
 *
 * Everything lives in practices created here (in the Cambridgeshire and Peterborough ICB, whose
 * auditor reads their names) and in ICBs named to sort after the demo ones, so no other test's
 * expectations move. Fields that validate strictly are shown to refuse the payloads instead.
 */

jest.setTimeout(300_000);

type Coverage =
  /** Stored and shown on a page; `max` is the field's length limit. */
  | { kind: 'shown'; max: number; where: string }
  /** An email address: payloads go in a quoted local part (valid, so stored and shown); bare ones are refused. */
  | { kind: 'email'; where: string }
  /** Stored, but no page shows it yet: read back through the API. Move it to `shown` with its page. */
  | { kind: 'readBack'; max: number; where: string }
  /** Validated strictly (a date, a slug, a URL…): every payload is refused. */
  | { kind: 'refused'; why: string }
  /** Not free text that is stored and shown. */
  | { kind: 'excluded'; why: string };

const shown = (max: number, where: string): Coverage => ({ kind: 'shown', max, where });
const email = (where: string): Coverage => ({ kind: 'email', where });
const readBack = (max: number, where: string): Coverage => ({ kind: 'readBack', max, where });
const refused = (why: string): Coverage => ({ kind: 'refused', why });
const excluded = (why: string): Coverage => ({ kind: 'excluded', why });
const DATE = 'a calendar date, yyyy-mm-dd';

/** Every String input of every mutation in apps/api/schema.gql, and what this test does with it. */
const COVERAGE: Record<string, Coverage> = {
  'acceptInvitation.input.name': shown(200, 'people, top bar, home, histories ("by …")'),
  'acceptInvitation.input.password': excluded('a password: hashed, never shown'),
  'acceptInvitation.input.token': excluded('the invitation token: looked up, never shown'),
  'addBankHoliday.date': refused(DATE),
  'addBankHoliday.name': readBack(100, 'bankHolidays; no page lists bank holidays'),
  'addIncidentPatient.input.label': shown(60, 'incidents list and detail, alerts'),
  'createChannel.input.address': shown(300, 'channels; hosted page and embed as a link'),
  'createChannel.input.instructions': shown(1000, 'channels, hosted page, embed'),
  'createChannel.input.label': shown(100, 'channels, feedback, hosted page, embed'),
  'createChannel.input.policyText': shown(4000, 'channels, policy, hosted page, embed'),
  'createIcb.input.name': shown(200, 'onboarding'),
  'createIcb.input.slug': refused('lowercase letters, digits and single hyphens'),
  'createPractice.input.name': shown(
    200,
    'top bar, home, onboarding, insights, invitation, hosted',
  ),
  'createPractice.input.odsCode': refused('3 to 10 capital letters or digits'),
  'createPractice.input.slug': refused('lowercase letters, digits and single hyphens'),
  'importComplaintsCsv.csv': shown(200, 'feedback inbox and items; import problems'),
  'invite.input.email': email('people (invitations), invitation page'),
  'invite.input.name': shown(200, 'people (invitations), invitation page'),
  'invitePracticeManager.email': email('people (invitations), invitation page'),
  'invitePracticeManager.name': shown(200, 'people (invitations), invitation page'),
  'logFeedback.input.awareOn': refused(DATE),
  'logFeedback.input.contact.email': email('feedback item (as text and mailto: link)'),
  'logFeedback.input.contact.name': shown(200, 'feedback item'),
  'logFeedback.input.contact.phone': refused('digits, spaces, brackets and hyphens'),
  'logFeedback.input.eventOn': refused(DATE),
  'logFeedback.input.summary': shown(4000, 'feedback inbox and item, home'),
  'logFeedback.input.timeLimitWaivedBecause': shown(1000, 'feedback item'),
  'logIncident.input.link': shown(2000, 'incident (text and href); javascript: refused'),
  'logIncident.input.reportedBy': shown(200, 'incident'),
  'logIncident.input.summary': shown(4000, 'incidents list and detail'),
  'login.email': excluded('credentials: looked up, nothing stored'),
  'login.password': excluded('credentials: looked up, nothing stored'),
  'logout.refreshToken': excluded('an opaque token, never shown'),
  'markResolvedNextWorkingDay.note': shown(2000, 'feedback item history'),
  'markResolvedNextWorkingDay.resolvedOn': refused(DATE),
  'recordDelayLetter.sentOn': refused(DATE),
  'recordFftResponse.input.comment': readBack(4000, 'fftResponses; no page lists comments'),
  'recordFftResponse.input.respondedOn': refused(DATE),
  'recordLadderStep.input.notes': shown(4000, 'incident'),
  'recordLadderStep.input.takenOn': refused(DATE),
  'recordRetentionReview.input.reason': readBack(2000, 'retentionReview; no page yet'),
  'recordWarning.input.givenOn': refused(DATE),
  'recordWarning.input.notes': shown(4000, 'incident'),
  'recordWarning.input.reasons': shown(4000, 'incident'),
  'refresh.refreshToken': excluded('an opaque token, never shown'),
  'requestRemoval.input.noWarningBecause': shown(2000, 'incident'),
  'requestRemoval.input.notes': shown(4000, 'incident'),
  'requestRemoval.input.policeIncidentReference': shown(100, 'incident'),
  'requestRemoval.input.reasons': shown(4000, 'incident'),
  'requestRemoval.input.requestedOn': refused(DATE),
  'saveDraft.input.document.blocks.intro': shown(4000, 'policy, website, hosted page, embed'),
  'saveDraft.input.document.blocks.items': shown(4000, 'policy, website, hosted page, embed'),
  'saveDraft.input.document.blocks.text': shown(4000, 'policy (+ diff), hosted page, embed'),
  'saveDraft.input.document.title': shown(200, 'policy, website, hosted page, embed'),
  'saveDraft.input.effectiveDate': refused(DATE),
  'saveEscalationSettings.input.note': shown(500, 'escalation (current and history)'),
  'submitPublicFeedback.idempotencyKey': excluded('an opaque de-duplication key, never shown'),
  'submitPublicFeedback.input.email': email('feedback item'),
  'submitPublicFeedback.input.message': shown(4000, 'feedback inbox and item'),
  'submitPublicFeedback.input.name': shown(200, 'feedback item'),
  'submitPublicFeedback.input.phone': refused('digits, spaces, brackets and hyphens'),
  'submitPublicFeedback.input.website': excluded('the honeypot: filled in, nothing is logged'),
  'submitPublicFeedback.practiceSlug': excluded('looks a practice up; nothing stored'),
  'transitionFeedback.effectiveOn': refused(DATE),
  'transitionFeedback.note': shown(2000, 'feedback item history'),
  'updateChannel.input.address': shown(300, 'channels; nhs_website javascript: refused'),
  'updateChannel.input.instructions': shown(1000, 'channels, hosted page, embed'),
  'updateChannel.input.label': shown(100, 'channels, hosted page, embed'),
  'updateChannel.input.policyText': shown(4000, 'channels, policy, hosted page, embed'),
  'updateFeedback.input.awareOn': refused(DATE),
  'updateFeedback.input.eventOn': refused(DATE),
  'updateFeedback.input.summary': shown(4000, 'feedback inbox and item, home'),
  'waiveTimeLimit.because': shown(1000, 'feedback item'),
};
const FIELDS = Object.keys(COVERAGE);

// ---------------------------------------------------------------------------------------------
// Values: every stored value starts with a tag naming its field and record, then payloads.

interface StoredValue {
  field: string;
  value: string;
  /** What a page shows of it (the value, unless markup in it is rendered). */
  visible: string;
}
const stored: StoredValue[] = [];
const seenOn = new Map<string, Set<string>>();

function tag(field: string, k: number): string {
  const index = FIELDS.indexOf(field);
  if (index < 0) throw new Error(`${field} is not in COVERAGE`);
  return `X${String(index).padStart(2, '0')}.${k}`;
}

function maxOf(field: string): number {
  const coverage = COVERAGE[field];
  if (coverage.kind !== 'shown' && coverage.kind !== 'readBack')
    throw new Error(`${field} does not take free text here`);
  return coverage.max;
}

/** How many records the field needs for every payload to be stored in it. */
function packsOf(field: string): number {
  return packPayloads(maxOf(field) - 8).length;
}

function remember(field: string, value: string, visible = value): string {
  stored.push({ field, value, visible });
  return value;
}

/** The k-th value of a free-text field: its tag and a pack of payloads that fits the limit. */
function text(field: string, k: number): string {
  const packs = packPayloads(maxOf(field) - 8);
  return remember(field, `${tag(field, k)} ${packs[k % packs.length]}`);
}

/** The k-th email of a field: a payload in a quoted local part, at a domain naming the tag. */
function emailValue(field: string, k: number): string {
  const local = EMAIL_LOCAL_PARTS[k % EMAIL_LOCAL_PARTS.length];
  const domain = tag(field, k).toLowerCase().replace('.', '-');
  return remember(field, `"${local}"@${domain}.example.test`);
}

// ---------------------------------------------------------------------------------------------
// The API, over HTTP.

interface Actor {
  token?: string;
  practiceId?: string;
}
interface GqlAnswer<T> {
  status: number;
  data: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function call<T>(
  query: string,
  variables: Record<string, unknown>,
  actor: Actor = {},
): Promise<GqlAnswer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (actor.token) headers['authorization'] = `Bearer ${actor.token}`;
  if (actor.practiceId) headers['x-parley-practice'] = actor.practiceId;
  const response = await fetch(`${appUrl()}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<GqlAnswer<T>, 'status'>) };
}

async function ok<T>(query: string, variables: Record<string, unknown> = {}, actor: Actor = {}) {
  const answer = await call<T>(query, variables, actor);
  if (answer.errors?.length || !answer.data)
    throw new Error(`GraphQL ${query.slice(0, 60)}…: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

const PASSWORD = 'xss-sweep-password-1234';

async function login(emailAddress: string, password = 'parley-demo-password'): Promise<string> {
  const { login } = await ok<{ login: { accessToken: string } }>(
    'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
    { e: emailAddress, p: password },
  );
  return login.accessToken;
}

const INVITE_MANAGER =
  'mutation ($practiceId: ID!, $email: String!, $name: String!) { invitePracticeManager(practiceId: $practiceId, email: $email, name: $name) { acceptUrl } }';
const ACCEPT =
  'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken } }';
const LOG_FEEDBACK = 'mutation ($input: LogFeedbackInput!) { logFeedback(input: $input) { id } }';
const LOG_INCIDENT = 'mutation ($input: LogIncidentInput!) { logIncident(input: $input) { id } }';
const SAVE_DRAFT = 'mutation ($input: SaveDraftInput!) { saveDraft(input: $input) { id } }';
const PUBLISH = 'mutation ($id: ID!) { publishDraft(expectedDraftId: $id) { id } }';
const CREATE_CHANNEL =
  'mutation ($input: CreateChannelInput!) { createChannel(input: $input) { id } }';
const UPDATE_CHANNEL =
  'mutation ($id: ID!, $input: UpdateChannelInput!) { updateChannel(id: $id, input: $input) { id } }';
const IMPORT_CSV =
  'mutation ($csv: String!) { importComplaintsCsv(csv: $csv) { imported problems { row message } } }';

const tokenOf = (acceptUrl: string | null) => (acceptUrl ?? '').split('/').pop() ?? '';

// ---------------------------------------------------------------------------------------------
// Dates, as the practice's clocks count them.

const londonToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
const TODAY = londonToday();

/** Lists (the inbox, the incidents) shorten a summary past 120 characters to 117 and "…". */
const shortened = (summary: string) =>
  summary.length > 120 ? summary.slice(0, 117).trimEnd() : summary;
const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;

// ---------------------------------------------------------------------------------------------

const RUN = randomUUID().slice(0, 8);

/** A page where payloads did run, in the page, a shadow root and a frame: the checks must see it. */
const SELF_TEST = 'xss-self-test';
const SELF_TEST_PAGE = `<!doctype html><html lang="en-GB"><head><title>Ran</title></head><body>
<img src=x onerror="window.__xss=1"><div id="h"></div>
<iframe srcdoc="<script>window.__xss=1</script>"></iframe>
<script>
document.getElementById('h').attachShadow({ mode: 'open' }).innerHTML =
  '<svg onload="alert(1)"></svg><a href="javascript:void 0">link</a>';
</script></body></html>`;
const CAMBRIDGESHIRE = 'cambridgeshire-peterborough';
const CAM_AUDITOR = 'auditor@cambridgeshire-peterborough.demo';

/** What the setup made, for the pages to look for. */
interface World {
  admin: string;
  practiceIds: string[];
  slugs: string[];
  manager: Actor & { email: string };
  manager2: Actor;
  invitationTokens: string[];
  feedbackIds: Record<string, string>;
  incidentIds: string[];
  channelIds: Record<string, string>;
  /** Values by page group, as stored. */
  values: Record<string, string[]>;
  /** Values of the draft (unpublished) policy version. */
  draftValues: string[];
}

describe('XSS sweep: every free-text field, every page that shows it', () => {
  it('covers every String input of every mutation in the schema, or says why not', () => {
    const schemaFields = mutationStringInputs(
      readFileSync(join(__dirname, '../../api/schema.gql'), 'utf8'),
    );
    const uncovered = schemaFields.filter((field) => !(field in COVERAGE));
    const stale = FIELDS.filter((field) => !schemaFields.includes(field));
    expect({ uncovered, stale }).toEqual({ uncovered: [], stale: [] });
  });

  describe('with payloads stored', () => {
    let browser: Browser;
    let host: Server;
    let hostUrl: string;
    const contexts: BrowserContext[] = [];
    const w = {} as World;
    const v = (group: string, value: string) => {
      (w.values[group] ??= []).push(value);
      return value;
    };

    beforeAll(async () => {
      browser = await launchBrowser();
      host = createServer((req, res) => {
        const slug = new URL(req.url ?? '/', 'http://host').pathname.slice(1);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        if (slug === SELF_TEST) return void res.end(SELF_TEST_PAGE);
        res.end(`<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>A practice website</title></head>
<body><main><h1>About us</h1><script src="${appUrl()}/embed.js" async></script>
<parley-policy practice="${slug}" style="display:block;min-height:40rem"></parley-policy></main></body></html>`);
      });
      await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
      // localhost, not 127.0.0.1: another origin than Parley's, as a practice website is.
      hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`;
      await storePayloads(w, v);
    });

    afterAll(async () => {
      for (const context of contexts) await context.close();
      await browser?.close();
      host?.closeAllConnections();
      await new Promise((resolve) => host?.close(resolve));
    });

    interface View {
      name: string;
      page: Page;
      errors: string[];
      dialogs: string[];
      /** Answers of 400 and above, by path: `<img src=x>` would ask for /x. */
      failed: string[];
    }

    async function view(name: string, signInAs?: { email: string; password?: string }) {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      const errors = watchErrors(page);
      // Angular says so when its sanitizer had to strip markup: nothing should ever need it.
      page.on('console', (message) => {
        if (/sanitiz/i.test(message.text())) errors.push(message.text());
      });
      const failed: string[] = [];
      page.on('response', (response) => {
        const path = new URL(response.url()).pathname;
        // Browsers ask for /favicon.ico on their own; the hosted page has none.
        if (response.status() >= 400 && path !== '/favicon.ico')
          failed.push(`${response.status()} ${response.request().method()} ${path}`);
      });
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      if (signInAs) {
        await signIn(page, signInAs.email, signInAs.password);
        await page.waitForURL(`${appUrl()}/`);
      }
      return { name, page, errors, dialogs, failed } satisfies View;
    }

    /**
     * Opens a page, waits until every expected value is there as text, lets any handler fire,
     * then checks nothing ran and nothing hostile exists, and notes which stored values it shows.
     */
    async function sweep(
      who: View,
      label: string,
      open: () => Promise<unknown>,
      expected: readonly string[],
      allowedFailure?: RegExp,
    ): Promise<void> {
      const before = who.errors.length;
      const failedBefore = who.failed.length;
      await open();
      const deadline = Date.now() + 30_000;
      for (;;) {
        const shownText = (await inspectPage(who.page)).map((f) => f.text).join('\n');
        const missing = expected.filter((value) => !shownText.includes(normalise(value)));
        if (missing.length === 0) break;
        if (Date.now() > deadline)
          throw new Error(`${label} (${who.name}) never showed:\n${missing.join('\n')}`);
        await who.page.waitForTimeout(250);
      }
      await who.page.waitForTimeout(300); // an onerror or onload handler would have run by now
      const frames = await inspectPage(who.page);
      const shownText = frames.map((f) => f.text).join('\n');
      for (const s of stored)
        if (shownText.includes(normalise(s.visible)))
          (seenOn.get(s.value) ?? seenOn.set(s.value, new Set()).get(s.value))?.add(label);
      expect({
        page: label,
        ran: frames.filter((f) => f.flag !== undefined).map((f) => f.url),
        hostile: frames.flatMap((f) => f.hostile),
        dialogs: who.dialogs,
        // The console's own line for a failed answer says nothing of which; `failed` does.
        errors: who.errors.slice(before).filter((e) => !e.startsWith('Failed to load resource')),
        failed: who.failed.slice(failedBefore).filter((f) => !allowedFailure?.test(f)),
      }).toEqual({ page: label, ran: [], hostile: [], dialogs: [], errors: [], failed: [] });
    }

    it('would notice a payload that ran (the checks, checked)', async () => {
      const probe = await view('self-test');
      await probe.page.goto(`${hostUrl}/${SELF_TEST}`);
      await probe.page.waitForTimeout(300);
      const frames = await inspectPage(probe.page);
      expect(frames.filter((f) => f.flag !== undefined)).toHaveLength(2); // the page and srcdoc
      const hostile = frames.flatMap((f) => f.hostile).join('\n');
      for (const sign of ['onerror', 'onload', 'srcdoc', 'javascript: URL', '<img> <img src="x"'])
        expect(hostile).toContain(sign);
      expect(probe.dialogs).toEqual(['alert: 1']);
    });

    it('refuses payloads in the fields that validate strictly', async () => {
      const manager = w.manager;
      const admin = { token: w.admin };
      const someId = randomUUID();
      const logBase = {
        channelId: w.channelIds['plain'],
        receivedAt: new Date().toISOString(),
        kind: 'complaint',
        sentiment: 'negative',
        summary: 'Refused.',
      };
      const cases: {
        field: string;
        actor: Actor;
        query: string;
        variables: (payload: string) => Record<string, unknown>;
      }[] = [
        {
          field: 'addBankHoliday.date',
          actor: admin,
          query: 'mutation ($d: String!) { addBankHoliday(date: $d, name: "Refused") { name } }',
          variables: (d) => ({ d }),
        },
        {
          field: 'createIcb.input.slug',
          actor: admin,
          query: 'mutation ($input: CreateIcbInput!) { createIcb(input: $input) { id } }',
          variables: (slug) => ({ input: { name: 'Refused ICB', slug } }),
        },
        ...(['slug', 'odsCode'] as const).map((key) => ({
          field: `createPractice.input.${key}`,
          actor: admin,
          query: 'mutation ($input: CreatePracticeInput!) { createPractice(input: $input) { id } }',
          variables: (payload: string) => ({
            input: {
              name: 'Refused practice',
              slug: `xss-${RUN}-refused`,
              icbId: w.values['icbId'][0],
              listSize: 100,
              [key]: payload,
            },
          }),
        })),
        {
          field: 'invitePracticeManager.email',
          actor: admin,
          query: INVITE_MANAGER,
          variables: (e) => ({ practiceId: w.practiceIds[0], email: e, name: 'Refused' }),
        },
        {
          field: 'invite.input.email',
          actor: manager,
          query: 'mutation ($input: InviteInput!) { invite(input: $input) { acceptUrl } }',
          variables: (e) => ({ input: { email: e, name: 'Refused', role: 'PracticeStaff' } }),
        },
        ...(['email', 'phone'] as const).map((key) => ({
          field: `logFeedback.input.contact.${key}`,
          actor: manager,
          query: LOG_FEEDBACK,
          variables: (payload: string) => ({ input: { ...logBase, contact: { [key]: payload } } }),
        })),
        ...(['eventOn', 'awareOn'] as const).map((key) => ({
          field: `logFeedback.input.${key}`,
          actor: manager,
          query: LOG_FEEDBACK,
          variables: (payload: string) => ({ input: { ...logBase, [key]: payload } }),
        })),
        ...(['eventOn', 'awareOn'] as const).map((key) => ({
          field: `updateFeedback.input.${key}`,
          actor: manager,
          query:
            'mutation ($id: ID!, $input: UpdateFeedbackInput!) { updateFeedback(id: $id, input: $input) { id } }',
          variables: (payload: string) => ({ id: someId, input: { [key]: payload } }),
        })),
        ...(['email', 'phone'] as const).map((key) => ({
          field: `submitPublicFeedback.input.${key}`,
          actor: {},
          query:
            'mutation ($slug: String!, $input: PublicFeedbackInput!) { submitPublicFeedback(practiceSlug: $slug, input: $input) { reference } }',
          variables: (payload: string) => ({
            slug: w.slugs[0],
            input: { message: 'Refused.', [key]: payload },
          }),
        })),
        {
          field: 'logIncident.input.link',
          actor: manager,
          query: LOG_INCIDENT,
          variables: (link) => ({
            input: {
              platform: 'facebook',
              link,
              seenAt: new Date().toISOString(),
              reportedBy: 'Refused',
              summary: 'Refused',
              severity: 'low',
            },
          }),
        },
        ...(['email', 'phone', 'nhs_website'] as const).map((kind) => ({
          field: 'createChannel.input.address',
          actor: manager,
          query: CREATE_CHANNEL,
          variables: (address: string) => ({
            input: { kind, label: 'Refused', policyText: 'Refused', address },
          }),
        })),
        {
          field: 'updateChannel.input.address',
          actor: manager,
          query: UPDATE_CHANNEL,
          variables: (address) => ({ id: w.channelIds['nhs_website'], input: { address } }),
        },
        {
          field: 'markResolvedNextWorkingDay.resolvedOn',
          actor: manager,
          query:
            'mutation ($id: ID!, $d: String) { markResolvedNextWorkingDay(id: $id, resolvedOn: $d) { id } }',
          variables: (d) => ({ id: someId, d }),
        },
        {
          field: 'recordDelayLetter.sentOn',
          actor: manager,
          query:
            'mutation ($id: ID!, $d: String) { recordDelayLetter(id: $id, sentOn: $d) { id } }',
          variables: (d) => ({ id: someId, d }),
        },
        {
          field: 'transitionFeedback.effectiveOn',
          actor: manager,
          query:
            'mutation ($id: ID!, $d: String) { transitionFeedback(id: $id, to: acknowledged, effectiveOn: $d) { id } }',
          variables: (d) => ({ id: someId, d }),
        },
        {
          field: 'recordFftResponse.input.respondedOn',
          actor: manager,
          query:
            'mutation ($input: RecordFftResponseInput!) { recordFftResponse(input: $input) { id } }',
          variables: (d) => ({ input: { rating: 'good', respondedOn: d } }),
        },
        {
          field: 'recordLadderStep.input.takenOn',
          actor: manager,
          query:
            'mutation ($input: RecordLadderStepInput!) { recordLadderStep(input: $input) { action { id } } }',
          variables: (d) => ({
            input: { incidentId: someId, kind: 'invite_discussion', takenOn: d },
          }),
        },
        {
          field: 'recordWarning.input.givenOn',
          actor: manager,
          query:
            'mutation ($input: RecordWarningInput!) { recordWarning(input: $input) { action { id } } }',
          variables: (d) => ({ input: { incidentId: someId, givenOn: d, reasons: 'Refused' } }),
        },
        {
          field: 'requestRemoval.input.requestedOn',
          actor: manager,
          query:
            'mutation ($input: RequestRemovalInput!) { requestRemoval(input: $input) { action { id } } }',
          variables: (d) => ({
            input: {
              incidentId: someId,
              requestedOn: d,
              immediate: true,
              policeIncidentReference: 'Refused',
              notBecauseOfComplaint: true,
              reasons: 'Refused',
            },
          }),
        },
        {
          field: 'saveDraft.input.effectiveDate',
          actor: manager,
          query: SAVE_DRAFT,
          variables: (d) => ({
            input: { effectiveDate: d, document: { title: 'Refused', blocks: [] } },
          }),
        },
      ];

      const accepted: string[] = [];
      for (const c of cases)
        for (const payload of PAYLOADS) {
          const answer = await call(c.query, c.variables(payload), c.actor);
          const code = answer.errors?.[0]?.extensions?.code;
          if (answer.data || (answer.status !== 400 && code !== 'BAD_USER_INPUT'))
            accepted.push(`${c.field} ← ${payload}: ${answer.status} ${JSON.stringify(answer)}`);
        }
      expect(accepted).toEqual([]);

      // Every field the table calls refused (or an email) has a case here, and only table fields.
      const tested = new Set(cases.map((c) => c.field));
      const untested = FIELDS.filter(
        (f) => ['refused', 'email'].includes(COVERAGE[f].kind) && !tested.has(f),
      );
      expect(untested).toEqual([]);
      expect([...tested].filter((f) => !(f in COVERAGE))).toEqual([]);
    });

    it('reads back verbatim what no page shows yet', async () => {
      const readBackFields = FIELDS.filter((f) => COVERAGE[f].kind === 'readBack');
      const month = TODAY.slice(0, 7);
      const { fftResponses } = await ok<{ fftResponses: { comment: string | null }[] }>(
        'query ($month: String!) { fftResponses(month: $month) { comment } }',
        { month },
        w.manager,
      );
      const { retentionReview } = await ok<{
        retentionReview: { items: { latestReview: { reason: string } | null }[] };
      }>('{ retentionReview { items { latestReview { reason } } } }', {}, w.manager);
      const holidays: string[] = [];
      for (const year of w.values['holidayYears'] ?? []) {
        const { bankHolidays } = await ok<{ bankHolidays: { name: string }[] }>(
          'query ($year: Int) { bankHolidays(year: $year) { name } }',
          { year: Number(year) },
          { token: w.admin },
        );
        holidays.push(...bankHolidays.map((h) => h.name));
      }
      const read: Record<string, string[]> = {
        'recordFftResponse.input.comment': fftResponses.map((r) => r.comment ?? ''),
        'recordRetentionReview.input.reason': retentionReview.items.map(
          (i) => i.latestReview?.reason ?? '',
        ),
        'addBankHoliday.name': holidays,
      };
      expect(Object.keys(read).sort()).toEqual(readBackFields.sort());
      for (const s of stored.filter((x) => readBackFields.includes(x.field))) {
        expect(read[s.field]).toContain(s.value);
        seenOn.set(s.value, new Set(['API read-back']));
      }
    });

    it('the practice manager’s console shows every value as text and runs none of it', async () => {
      const m = await view('manager', { email: w.manager.email, password: PASSWORD });
      const go = (path: string) => () => m.page.goto(`${appUrl()}${path}`);

      await sweep(m, 'home', go('/'), w.values['home']);
      await sweep(m, 'feedback inbox', go('/feedback'), w.values['inbox'].map(shortened));
      for (const [key, id] of Object.entries(w.feedbackIds))
        await sweep(m, `feedback item ${key}`, go(`/feedback/${id}`), w.values[`item:${key}`]);
      await sweep(m, 'channels', go('/channels'), w.values['channels']);
      await sweep(
        m,
        'channel dialog',
        () =>
          m.page
            .getByRole('button', { name: /^Edit / })
            .first()
            .click(),
        w.values['channelDialog'],
      );
      await m.page.keyboard.press('Escape');
      await sweep(m, 'policy', go('/policy'), [...w.values['policy'], ...w.draftValues]);
      await sweep(
        m,
        'policy diff',
        async () => {
          await m.page.getByRole('button', { name: 'Show changes' }).click();
          await m.page.locator('parley-policy-diff').waitFor();
        },
        w.draftValues,
      );
      // In the diff itself, not only in the editor: the draft's new paragraph is an added line.
      expect(normalise(await m.page.locator('parley-policy-diff').innerText())).toContain(
        normalise(w.draftValues[0]),
      );
      await sweep(m, 'website', go('/website'), w.values['website']);
      await sweep(m, 'people', go('/people'), w.values['people']);
      await sweep(m, 'escalation', go('/escalation'), w.values['escalation']);
      await sweep(m, 'incidents', go('/incidents'), w.values['incidents'].map(shortened));
      for (const [i, id] of w.incidentIds.entries())
        await sweep(m, `incident ${i}`, go(`/incidents/${id}`), w.values[`incident:${i}`] ?? []);
      await sweep(
        m,
        'alerts',
        async () => {
          await m.page.goto(`${appUrl()}/alerts`);
          await m.page.getByRole('radio', { name: 'All' }).check();
        },
        w.values['alerts'],
      );

      // A log with problems: the import page lists them, quoting the file and the channels.
      const badChannel = `${tag('importComplaintsCsv.csv', 90)} ${PAYLOADS.join(' ')}`;
      const badEmail = PAYLOADS[1];
      const csv = [
        'received_on,channel,summary,contact_email',
        [addDays(TODAY, -3), csvCell(badChannel), 'Bad row', csvCell(badEmail)].join(','),
      ].join('\n');
      await sweep(
        m,
        'import problems',
        async () => {
          await m.page.goto(`${appUrl()}/feedback/import`);
          await m.page.locator('#import-file').setInputFiles({
            name: 'complaints.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from(csv),
          });
          await m.page.getByRole('button', { name: 'Import' }).click();
        },
        [badChannel, badEmail, ...w.values['channelLabels']],
      );
    });

    it('the platform admin’s onboarding and the auditor’s insights show names as text', async () => {
      const admin = await view('platform admin', { email: 'admin@parley.demo' });
      await sweep(
        admin,
        'onboarding',
        () => admin.page.goto(`${appUrl()}/onboarding`),
        w.values['onboarding'],
      );

      const auditor = await view('auditor', { email: CAM_AUDITOR });
      const go = (path: string) => () => auditor.page.goto(`${appUrl()}${path}`);
      await sweep(auditor, 'insights', go('/insights'), w.values['practiceNames']);
      await sweep(
        auditor,
        'insights practice',
        go(`/insights/practices/${w.practiceIds[0]}`),
        w.values['practiceNames'].slice(0, 1),
      );
      await sweep(
        auditor,
        'insights policies',
        go('/insights/policies'),
        w.values['practiceNames'],
      );
    });

    it('invitation pages show the invited name and place as text', async () => {
      const visitor = await view('visitor');
      for (const [i, token] of w.invitationTokens.entries())
        await sweep(
          visitor,
          `invitation ${i}`,
          () => visitor.page.goto(`${appUrl()}/invitations/${token}`),
          w.values[`invitation:${i}`],
        );
    });

    it('the hosted page and its iframe variant show the wording as text and run none of it', async () => {
      const visitor = await view('public');
      for (const [i, slug] of w.slugs.entries()) {
        const expected = w.values[`hosted:${i}`] ?? [];
        await sweep(
          visitor,
          `hosted ${i}`,
          () => visitor.page.goto(`${appUrl()}/p/${slug}`),
          expected,
        );
        await sweep(
          visitor,
          `iframe variant ${i}`,
          () => visitor.page.goto(`${appUrl()}/p/${slug}?embed=1`),
          expected,
        );
      }

      // The page's own form, sent with problems, shows what was typed again: as text, in place.
      const message = `${tag('submitPublicFeedback.input.message', 99)} ${PAYLOADS.join(' ')}`;
      const name = PAYLOADS[3];
      const badEmail = PAYLOADS[2];
      const badPhone = PAYLOADS[4];
      await sweep(
        visitor,
        'hosted form with problems',
        async () => {
          await visitor.page.goto(`${appUrl()}/p/${w.slugs[0]}`);
          await visitor.page.locator('#pf-message').fill(message);
          await visitor.page.locator('#pf-name').fill(name);
          await visitor.page.locator('#pf-email').fill(badEmail);
          await visitor.page.locator('#pf-phone').fill(badPhone);
          await Promise.all([
            visitor.page.waitForResponse((r) => r.request().method() === 'POST'),
            visitor.page.getByRole('button', { name: 'Send feedback' }).click(),
          ]);
          await visitor.page.locator('.error-summary').waitFor();
        },
        [message, name, badEmail, badPhone],
        new RegExp(`^400 POST /p/${w.slugs[0]}/feedback$`),
      );
      const refilled = await visitor.page.evaluate(() => ({
        message: (document.querySelector('#pf-message') as HTMLTextAreaElement).value,
        name: (document.querySelector('#pf-name') as HTMLInputElement).value,
        email: (document.querySelector('#pf-email') as HTMLInputElement).value,
        phone: (document.querySelector('#pf-phone') as HTMLInputElement).value,
      }));
      expect(refilled).toEqual({ message, name, email: badEmail, phone: badPhone });
    });

    it('<parley-policy> on another origin shows the wording as text and runs none of it', async () => {
      const visitor = await view('practice website');
      for (const [i, slug] of w.slugs.entries())
        await sweep(
          visitor,
          `embed ${i}`,
          async () => {
            await visitor.page.goto(`${hostUrl}/${slug}`);
            await visitor.page.waitForFunction(
              () =>
                document.querySelector('parley-policy')?.getAttribute('data-parley-state') ===
                'ready',
            );
          },
          w.values[`embed:${i}`] ?? [],
        );
    });

    it('every stored value was seen as text on some page (or read back)', () => {
      const unseen = stored
        .filter((s) => !seenOn.has(s.value))
        .map((s) => `${s.field}: ${s.value}`);
      expect(unseen).toEqual([]);
      const shownFields = FIELDS.filter((f) =>
        ['shown', 'email', 'readBack'].includes(COVERAGE[f].kind),
      );
      const neverStored = shownFields.filter((f) => !stored.some((s) => s.field === f));
      expect(neverStored).toEqual([]);
    });
  });
});

/**
 * Stores the payloads through the API, as the people who would type them, and notes which page
 * should show which value (in `w.values`, by page).
 */
async function storePayloads(w: World, v: (group: string, value: string) => string): Promise<void> {
  w.values = {};
  w.admin = await login('admin@parley.demo');
  const admin: Actor = { token: w.admin };

  // ICBs and practices, by the platform admin.
  const { icbs } = await ok<{ icbs: { id: string; slug: string }[] }>(
    '{ icbs { id slug } }',
    {},
    admin,
  );
  const icbId = icbs.find((i) => i.slug === CAMBRIDGESHIRE)?.id;
  if (!icbId) throw new Error('No Cambridgeshire and Peterborough ICB in the demo data');
  w.values['icbId'] = [icbId];
  for (let k = 0; k < packsOf('createIcb.input.name'); k++)
    await ok(
      'mutation ($input: CreateIcbInput!) { createIcb(input: $input) { id } }',
      {
        input: {
          name: v('onboarding', text('createIcb.input.name', k)),
          slug: `xss-${RUN}-icb-${k}`,
        },
      },
      admin,
    );
  w.practiceIds = [];
  w.slugs = [];
  for (let k = 0; k < packsOf('createPractice.input.name'); k++) {
    const name = text('createPractice.input.name', k);
    const slug = `xss-${RUN}-${k}`;
    const { createPractice } = await ok<{ createPractice: { id: string } }>(
      'mutation ($input: CreatePracticeInput!) { createPractice(input: $input) { id } }',
      { input: { name, slug, icbId, listSize: 5000 + k } },
      admin,
    );
    w.practiceIds.push(createPractice.id);
    w.slugs.push(slug);
    for (const group of ['onboarding', 'practiceNames', `hosted:${k}`, `embed:${k}`])
      v(group, name);
  }
  const [practiceA] = w.practiceIds;
  const practiceName = w.values['practiceNames'][0];
  v('home', practiceName);

  // Managers: two for the first practice (their names given when accepting), one for each other.
  const managers: (Actor & { email: string })[] = [];
  for (const [p, practiceId] of w.practiceIds.entries()) {
    for (let k = 0; k < (p === 0 ? packsOf('acceptInvitation.input.name') : 1); k++) {
      const address = `xss-${RUN}-m${p}-${k}@example.test`;
      const issued = await ok<{ invitePracticeManager: { acceptUrl: string } }>(
        INVITE_MANAGER,
        { practiceId, email: address, name: `Sweep manager ${p}.${k}` },
        admin,
      );
      const name = p === 0 ? text('acceptInvitation.input.name', k) : undefined;
      // The first manager works in the console; the second acknowledges one complaint.
      if (name)
        for (const group of ['people', 'managerNames', k === 0 ? 'home' : 'item:F0'])
          v(group, name);
      const { acceptInvitation } = await ok<{ acceptInvitation: { accessToken: string } }>(ACCEPT, {
        input: { token: tokenOf(issued.invitePracticeManager.acceptUrl), password: PASSWORD, name },
      });
      managers.push({ token: acceptInvitation.accessToken, practiceId, email: address });
    }
  }
  w.manager = managers[0];
  w.manager2 = managers[1];
  const m = w.manager;

  // Invitations left pending: by the platform admin (a manager) and by the manager (staff).
  w.invitationTokens = [];
  const pending = async (field: 'invitePracticeManager' | 'invite.input', k: number) => {
    const name = v('people', text(`${field}.name`, k));
    const address = v('people', emailValue(`${field}.email`, k));
    const url =
      field === 'invite.input'
        ? (
            await ok<{ invite: { acceptUrl: string } }>(
              'mutation ($input: InviteInput!) { invite(input: $input) { acceptUrl } }',
              { input: { email: address, name, role: 'PracticeStaff' } },
              m,
            )
          ).invite.acceptUrl
        : (
            await ok<{ invitePracticeManager: { acceptUrl: string } }>(
              INVITE_MANAGER,
              { practiceId: practiceA, email: address, name },
              admin,
            )
          ).invitePracticeManager.acceptUrl;
    if (k === 0) {
      const i = w.invitationTokens.push(tokenOf(url)) - 1;
      w.values[`invitation:${i}`] = [name, address, practiceName];
    }
  };
  for (const field of ['invitePracticeManager', 'invite.input'] as const)
    for (let k = 0; k < Math.max(packsOf(`${field}.name`), EMAIL_LOCAL_PARTS.length); k++)
      await pending(field, k);

  // Channels: made with payloads, and made plain then changed to payloads.
  w.channelIds = {};
  const channelTexts = (prefix: 'createChannel' | 'updateChannel', k: number) => ({
    label: text(`${prefix}.input.label`, k),
    policyText: text(`${prefix}.input.policyText`, k),
    instructions: text(`${prefix}.input.instructions`, k),
  });
  const kinds = ['letter_box', 'in_person', 'online_form', 'nhs_website', 'email'] as const;
  const labels = packsOf('createChannel.input.label');
  for (let k = 0; k < Math.max(labels, kinds.length); k++) {
    const kind = kinds[k % kinds.length];
    const texts = channelTexts('createChannel', k);
    const address =
      kind === 'letter_box' || kind === 'in_person'
        ? text('createChannel.input.address', k)
        : kind === 'nhs_website'
          ? remember('createChannel.input.address', HOSTILE_URLS.tagBreakout)
          : kind === 'email'
            ? emailValue('createChannel.input.address', 9)
            : null;
    const { createChannel } = await ok<{ createChannel: { id: string } }>(
      CREATE_CHANNEL,
      { input: { kind, ...texts, address } },
      m,
    );
    w.channelIds[kind] ??= createChannel.id;
    w.channelIds[`c${k}`] = createChannel.id;
    v('channelLabels', texts.label);
    // The list shows label and address; the edit dialog the wording (checked for the first).
    for (const value of [texts.label, address ?? '']) if (value) v('channels', value);
    if (k === 0) w.values['channelDialog'] = [texts.label, texts.policyText, texts.instructions];
  }
  for (let k = 0; k < packsOf('updateChannel.input.label'); k++) {
    const kind = k % 2 ? 'in_person' : 'letter_box';
    const { createChannel } = await ok<{ createChannel: { id: string } }>(
      CREATE_CHANNEL,
      { input: { kind, label: `Plain channel ${k}`, policyText: 'Plain.' } },
      m,
    );
    const texts = channelTexts('updateChannel', k);
    const address = text('updateChannel.input.address', k);
    await ok(UPDATE_CHANNEL, { id: createChannel.id, input: { ...texts, address } }, m);
    v('channelLabels', texts.label);
    for (const value of [texts.label, address]) v('channels', value);
  }
  const { createChannel: plain } = await ok<{ createChannel: { id: string } }>(
    CREATE_CHANNEL,
    { input: { kind: 'letter_box', label: 'Sweep letters', policyText: 'Write to us.' } },
    m,
  );
  w.channelIds['plain'] = plain.id;

  // Escalation settings, saved twice (history), allowing removal without a warning when unsafe.
  const { escalationSettings: current } = await ok<{
    escalationSettings: {
      version: number;
      ladder: { kind: string; trigger: Record<string, unknown> }[];
      removalRules: Record<string, unknown>;
      clocks: Record<string, unknown>;
      volumeAlert: Record<string, unknown>;
    };
  }>(
    `{ escalationSettings { version ladder { kind trigger { minSeverity incidentCount withinDays } }
       removalRules { warningValidMonths writtenConfirmationDays allowRemovalWithoutWarningWhenUnsafe }
       clocks { ackWorkingDays responseTargetWorkingDays delayLetterMonths timeLimitMonths }
       volumeAlert { count withinDays of } } }`,
    {},
    m,
  );
  let version = current.version;
  for (let k = 0; k < Math.max(2, packsOf('saveEscalationSettings.input.note')); k++) {
    const { saveEscalationSettings } = await ok<{ saveEscalationSettings: { version: number } }>(
      'mutation ($input: SaveEscalationSettingsInput!) { saveEscalationSettings(input: $input) { version } }',
      {
        input: {
          basedOnVersion: version,
          ladder: current.ladder,
          removalRules: { ...current.removalRules, allowRemovalWithoutWarningWhenUnsafe: true },
          clocks: current.clocks,
          volumeAlert: current.volumeAlert,
          note: v('escalation', text('saveEscalationSettings.input.note', k)),
        },
      },
      m,
    );
    version = saveEscalationSettings.version;
  }
  v('escalation', w.values['managerNames'][0]);

  // The policy: version 1 with payloads everywhere, published; version 2 left as a draft.
  const block = (type: string, k: number) => ({
    type,
    text: text('saveDraft.input.document.blocks.text', k),
  });
  const linkTag = tag('saveDraft.input.document.blocks.text', 50);
  const links = `${linkTag} [run me](javascript:window.__xss=1) or [see](${HOSTILE_URLS.tagBreakout})`;
  remember(
    'saveDraft.input.document.blocks.text',
    links,
    `${linkTag} [run me](javascript:window.__xss=1) or see`,
  );
  const ladderIntro = text('saveDraft.input.document.blocks.intro', 1);
  const blocks = [
    block('heading', 0),
    block('paragraph', 1),
    { type: 'paragraph', text: links },
    {
      type: 'numberedList',
      items: [0, 1].map((k) => text('saveDraft.input.document.blocks.items', k)),
    },
    { type: 'channelList', intro: text('saveDraft.input.document.blocks.intro', 0) },
    // Only the editor shows this intro: the API renders an escalationSteps block with no steps
    // yet (policy-composer.ts), and the renderer drops an empty block with its intro.
    { type: 'escalationSteps', intro: ladderIntro },
    block('signOff', 2),
    // The practice's name through a template field, so the iframe variant and the embed show it.
    { type: 'paragraph', text: 'Published by {{practiceName}}.' },
  ];
  const title = text('saveDraft.input.document.title', 0);
  const published = [
    title,
    ...stored
      .filter((s) => s.field.startsWith('saveDraft.input.document.blocks'))
      .filter((s) => s.value !== ladderIntro)
      .map((s) => s.visible),
  ];
  const channelWording = stored
    .filter((s) => /^(create|update)Channel\.input\.policyText$/.test(s.field))
    .map((s) => s.value);
  const publicChannels = stored
    .filter((s) => /^(create|update)Channel\.input\.(label|instructions)$/.test(s.field))
    .map((s) => s.value);
  const draft = await ok<{ saveDraft: { id: string } }>(
    SAVE_DRAFT,
    { input: { effectiveDate: TODAY, document: { title, blocks } } },
    m,
  );
  await ok(PUBLISH, { id: draft.saveDraft.id }, m);
  const draftParagraph = text('saveDraft.input.document.blocks.text', 3);
  const draftTitle = text('saveDraft.input.document.title', 1);
  w.draftValues = [draftParagraph, draftTitle, ladderIntro];
  await ok(
    SAVE_DRAFT,
    {
      input: {
        effectiveDate: TODAY,
        document: {
          title: draftTitle,
          blocks: [...blocks, { type: 'paragraph', text: draftParagraph }],
        },
      },
    },
    m,
  );
  for (const value of published) v('policy', value);
  for (const value of [title, practiceName, ...published.slice(1, 3)]) v('website', value);
  for (const group of ['hosted:0', 'embed:0'])
    for (const value of [...published, ...channelWording, ...publicChannels]) v(group, value);
  for (const manager of managers) {
    if (manager.practiceId === practiceA) continue;
    const other = await ok<{ saveDraft: { id: string } }>(
      SAVE_DRAFT,
      {
        input: {
          effectiveDate: TODAY,
          document: {
            title: '{{practiceName}} social media policy',
            blocks: [{ type: 'paragraph', text: 'Tell us what you think.' }],
          },
        },
      },
      manager,
    );
    await ok(PUBLISH, { id: other.saveDraft.id }, manager);
  }

  // The feedback log: logged by the manager, moved on by either manager.
  w.feedbackIds = {};
  const contact = (k: number) => ({
    name: text('logFeedback.input.contact.name', k),
    email: emailValue('logFeedback.input.contact.email', k),
  });
  const log = async (key: string, input: Record<string, unknown>) => {
    const { logFeedback } = await ok<{ logFeedback: { id: string } }>(LOG_FEEDBACK, { input }, m);
    w.feedbackIds[key] = logFeedback.id;
    return logFeedback.id;
  };
  const twoYearsAgo = addDays(TODAY, -730);
  const c0 = contact(0);
  const f0 = await log('F0', {
    channelId: w.channelIds['c0'],
    receivedAt: new Date().toISOString(),
    kind: 'complaint',
    sentiment: 'negative',
    summary: text('logFeedback.input.summary', 0),
    eventOn: twoYearsAgo,
    timeLimitWaivedBecause: text('logFeedback.input.timeLimitWaivedBecause', 0),
    contact: c0,
  });
  await ok(
    'mutation ($id: ID!, $note: String) { transitionFeedback(id: $id, to: acknowledged, note: $note) { id } }',
    { id: f0, note: text('transitionFeedback.note', 0) },
    w.manager2,
  );
  const c1 = contact(1);
  const f1 = await log('F1', {
    channelId: w.channelIds['c1'],
    receivedAt: new Date().toISOString(),
    kind: 'complaint',
    sentiment: 'negative',
    oral: true,
    summary: text('logFeedback.input.summary', 1),
    contact: c1,
  });
  await ok(
    'mutation ($id: ID!, $note: String) { markResolvedNextWorkingDay(id: $id, note: $note) { id } }',
    { id: f1, note: text('markResolvedNextWorkingDay.note', 0) },
    m,
  );
  const c2 = contact(2);
  const f2 = await log('F2', {
    channelId: w.channelIds['c2'],
    receivedAt: new Date(Date.now() - 10 * 86_400_000).toISOString(),
    kind: 'complaint',
    sentiment: 'negative',
    summary: 'Will be corrected.',
    eventOn: twoYearsAgo,
    contact: c2,
  });
  const corrected = text('updateFeedback.input.summary', 0);
  await ok(
    'mutation ($id: ID!, $input: UpdateFeedbackInput!) { updateFeedback(id: $id, input: $input) { id } }',
    { id: f2, input: { summary: corrected } },
    m,
  );
  const because = text('waiveTimeLimit.because', 0);
  await ok(
    'mutation ($id: ID!, $b: String!) { waiveTimeLimit(id: $id, because: $b) { id } }',
    { id: f2, b: because },
    m,
  );
  v('home', corrected);
  const byValue = (field: string) => stored.filter((s) => s.field === field).map((s) => s.value);
  w.values['item:F0'] = [
    ...(w.values['item:F0'] ?? []),
    byValue('logFeedback.input.summary')[0],
    byValue('logFeedback.input.timeLimitWaivedBecause')[0],
    byValue('transitionFeedback.note')[0],
    c0.name,
    c0.email,
    w.values['channelLabels'][0],
  ];
  w.values['item:F1'] = [
    byValue('logFeedback.input.summary')[1],
    byValue('markResolvedNextWorkingDay.note')[0],
    c1.name,
    c1.email,
  ];
  w.values['item:F2'] = [corrected, because, c2.name, c2.email];

  // The online form, through the API.
  const submissions: Record<string, string>[] = [];
  const publicCount = Math.max(
    packsOf('submitPublicFeedback.input.name'),
    packsOf('submitPublicFeedback.input.message'),
    EMAIL_LOCAL_PARTS.length,
  );
  for (let k = 0; k < publicCount; k++) {
    const input = {
      message: text('submitPublicFeedback.input.message', k),
      name: text('submitPublicFeedback.input.name', k),
      email: emailValue('submitPublicFeedback.input.email', k),
    };
    await ok(
      'mutation ($slug: String!, $input: PublicFeedbackInput!) { submitPublicFeedback(practiceSlug: $slug, input: $input) { reference } }',
      { slug: w.slugs[0], input },
    );
    submissions.push(input);
  }

  // A complaints log imported from CSV, and a record closed long ago for the retention review.
  const csvRows: Record<string, string>[] = [];
  for (let k = 0; k < Math.max(packsOf('importComplaintsCsv.csv'), EMAIL_LOCAL_PARTS.length); k++)
    csvRows.push({
      summary: text('importComplaintsCsv.csv', 10 + k),
      waiver: text('importComplaintsCsv.csv', 20 + k),
      name: text('importComplaintsCsv.csv', 30 + k),
      email: emailValue('importComplaintsCsv.csv', 40 + k),
    });
  const received = addDays(TODAY, -20);
  const imported = await ok<{ importComplaintsCsv: { imported: number; problems: unknown[] } }>(
    IMPORT_CSV,
    {
      csv: [
        'received_on,channel,summary,kind,event_on,time_limit_waived_because,contact_name,contact_email',
        ...csvRows.map((r) =>
          [received, 'Sweep letters', csvCell(r.summary), 'complaint', twoYearsAgo]
            .concat([r.waiver, r.name, r.email].map(csvCell))
            .join(','),
        ),
      ].join('\n'),
    },
    m,
  );
  expect(imported.importComplaintsCsv).toEqual({ imported: csvRows.length, problems: [] });
  const closedOn = addDays(TODAY, -11 * 366);
  const openedOn = addDays(closedOn, -30);
  await ok(
    IMPORT_CSV,
    {
      csv: [
        'received_on,channel,summary,kind,status,subject_areas,staff_groups,complainant_status,age_band,acknowledged_on,responded_on,closed_on,outcome,phso_informed',
        `${openedOn},Sweep letters,Closed long ago,complaint,closed,clinical,gp,patient,age_16_64,${addDays(openedOn, 1)},${addDays(closedOn, -1)},${closedOn},not_upheld,yes`,
      ].join('\n'),
    },
    m,
  );
  const { feedbackItems } = await ok<{
    feedbackItems: { items: { id: string; summary: string }[] };
  }>('{ feedbackItems(first: 100) { items { id summary } } }', {}, m);
  const idOf = (summary: string) => {
    const found = feedbackItems.items.find((i) => i.summary === summary);
    if (!found) throw new Error(`No feedback item "${summary}"`);
    return found.id;
  };
  for (const [k, s] of submissions.entries()) {
    w.feedbackIds[`P${k}`] = idOf(s.message);
    w.values[`item:P${k}`] = [s.message, s.name, s.email];
  }
  for (const [k, r] of csvRows.entries()) {
    w.feedbackIds[`C${k}`] = idOf(r.summary);
    w.values[`item:C${k}`] = [r.summary, r.waiver, r.name, r.email];
  }
  w.values['inbox'] = feedbackItems.items
    .map((i) => i.summary)
    .filter((s) => stored.some((x) => x.value === s));

  // Friends and Family Test, the retention review and bank holidays: stored, read back later.
  for (let k = 0; k < packsOf('recordFftResponse.input.comment'); k++)
    await ok(
      'mutation ($input: RecordFftResponseInput!) { recordFftResponse(input: $input) { id } }',
      {
        input: {
          rating: 'good',
          respondedOn: TODAY,
          comment: text('recordFftResponse.input.comment', k),
        },
      },
      m,
    );
  const { retentionReview } = await ok<{ retentionReview: { items: { feedbackId: string }[] } }>(
    '{ retentionReview(onlyDue: true) { items { feedbackId } } }',
    {},
    m,
  );
  for (let k = 0; k < packsOf('recordRetentionReview.input.reason'); k++)
    await ok(
      'mutation ($input: RecordRetentionReviewInput!) { recordRetentionReview(input: $input) { feedbackId } }',
      {
        input: {
          feedbackId: retentionReview.items[0].feedbackId,
          decision: 'keep',
          keepYears: 1,
          reason: text('recordRetentionReview.input.reason', k),
        },
      },
      m,
    );
  // Weekdays long after anything the demo data or another test looks at (2100 is the last year read).
  const year = 2090 + Math.floor(Math.random() * 10);
  w.values['holidayYears'] = [String(year)];
  let day = `${year}-03-02`;
  for (let k = 0; k < packsOf('addBankHoliday.name'); k++) {
    while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = addDays(day, 1);
    await ok(
      'mutation ($d: String!, $n: String!) { addBankHoliday(date: $d, name: $n) { name } }',
      { d: day, n: text('addBankHoliday.name', k) },
      admin,
    );
    day = addDays(day, 1);
  }

  // Social-media incidents: a patient reference each, and the steps of the ladder.
  const patients: string[] = [];
  const patientLabels: string[] = [];
  for (let k = 0; k < packsOf('addIncidentPatient.input.label'); k++) {
    const label = text('addIncidentPatient.input.label', k);
    const { addIncidentPatient } = await ok<{ addIncidentPatient: { id: string } }>(
      'mutation ($input: AddIncidentPatientInput!) { addIncidentPatient(input: $input) { id } }',
      { input: { label } },
      m,
    );
    patients.push(addIncidentPatient.id);
    patientLabels.push(label);
  }
  const police = packsOf('requestRemoval.input.policeIncidentReference');
  const incidentCount = Math.max(patients.length, 2 + police);
  w.incidentIds = [];
  const step = (kind: 'recordLadderStep' | 'recordWarning' | 'requestRemoval', input: object) =>
    ok(
      `mutation ($input: ${kind[0].toUpperCase()}${kind.slice(1)}Input!) { ${kind}(input: $input) { action { id } } }`,
      { input },
      m,
    );
  w.values['incidents'] = [];
  w.values['alerts'] = [];
  for (let i = 0; i < incidentCount; i++) {
    const link =
      i === 0
        ? remember('logIncident.input.link', HOSTILE_URLS.quoteBreakout)
        : `https://example.test/post/${i}`;
    const reportedBy = text('logIncident.input.reportedBy', i);
    const summary = text('logIncident.input.summary', i);
    const { logIncident } = await ok<{ logIncident: { id: string } }>(
      LOG_INCIDENT,
      {
        input: {
          platform: 'facebook',
          link,
          seenAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
          reportedBy,
          summary,
          severity: 'offensive',
          patientId: patients[i % patients.length],
        },
      },
      m,
    );
    const id = logIncident.id;
    w.incidentIds.push(id);
    const label = patientLabels[i % patientLabels.length];
    v('incidents', summary);
    v('incidents', label);
    const shownHere = [summary, reportedBy, label, ...(i === 0 ? [link] : [])];
    const reasons = i < 2 + police ? text('requestRemoval.input.reasons', i) : null;
    if (i === 0) {
      shownHere.push(
        text('recordLadderStep.input.notes', 0),
        text('recordWarning.input.reasons', 0),
        text('recordWarning.input.notes', 0),
        text('requestRemoval.input.notes', 0),
      );
      const [notes, warningReasons, warningNotes, removalNotes] = shownHere.slice(-4);
      await step('recordLadderStep', {
        incidentId: id,
        kind: 'invite_discussion',
        takenOn: TODAY,
        notes,
      });
      await step('recordWarning', {
        incidentId: id,
        givenOn: TODAY,
        reasons: warningReasons,
        notes: warningNotes,
      });
      await step('requestRemoval', {
        incidentId: id,
        requestedOn: TODAY,
        immediate: false,
        notBecauseOfComplaint: true,
        reasons,
        notes: removalNotes,
      });
    } else if (i === 1) {
      const notes = text('recordLadderStep.input.notes', 1);
      const noWarningBecause = text('requestRemoval.input.noWarningBecause', 0);
      shownHere.push(notes, noWarningBecause);
      await step('recordLadderStep', {
        incidentId: id,
        kind: 'contact_group_admins',
        takenOn: TODAY,
        notes,
      });
      await step('requestRemoval', {
        incidentId: id,
        requestedOn: TODAY,
        immediate: false,
        notBecauseOfComplaint: true,
        reasons,
        noWarningBecause,
      });
    } else if (i < 2 + police) {
      const reference = text('requestRemoval.input.policeIncidentReference', i - 2);
      shownHere.push(reference);
      await step('requestRemoval', {
        incidentId: id,
        requestedOn: TODAY,
        immediate: true,
        policeIncidentReference: reference,
        notBecauseOfComplaint: true,
        reasons,
      });
      v('alerts', label);
    }
    if (reasons) shownHere.push(reasons);
    w.values[`incident:${i}`] = shownHere;
  }
  // One alert acknowledged, so the acknowledging manager's name is shown with it.
  const { alerts } = await ok<{ alerts: { id: string }[] }>(
    '{ alerts(status: open) { id } }',
    {},
    m,
  );
  await ok('mutation ($id: ID!) { acknowledgeAlert(id: $id) { id } }', { id: alerts[0].id }, m);
  v('alerts', w.values['managerNames'][0]);
}
