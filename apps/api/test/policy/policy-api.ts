import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GqlOptions, GqlResult, TestApp } from '../support/test-app';

/** Booting the app with every domain's demo data is slow on a busy machine. */
export const BOOT_TIMEOUT = 180_000;

/** GraphQL documents and small helpers shared by the policy and channel tests. */
export const VERSION_FIELDS = `
  id versionNumber status effectiveDate title html text basedOnVersionNumber createdByName publishedByName publishedAt supersededAt
  warnings { code message blockIndex }
  channels { kind label instructions href }
  document { title blocks { type text items intro } }`;

export const Q = {
  draft: `{ policyDraft { ${VERSION_FIELDS} } }`,
  current: `{ currentPolicy { ${VERSION_FIELDS} } }`,
  versions: `{ policyVersions { id versionNumber status text } }`,
  version: `query ($id: ID!) { policyVersion(id: $id) { ${VERSION_FIELDS} } }`,
  diff: `query ($fromId: ID!, $toId: ID!) { policyDiff(fromId: $fromId, toId: $toId) { fromVersionNumber toVersionNumber lines { op text words { op text } } } }`,
  preview: `query ($document: PolicyDocumentInput!, $effectiveDate: String!) {
    policyPreview(document: $document, effectiveDate: $effectiveDate) { title html text warnings { code message blockIndex } } }`,
  saveDraft: `mutation ($input: SaveDraftInput!) { saveDraft(input: $input) { ${VERSION_FIELDS} } }`,
  startDraftFrom: `mutation ($versionId: ID!) { startDraftFrom(versionId: $versionId) { ${VERSION_FIELDS} } }`,
  discardDraft: `mutation { discardDraft }`,
  publishDraft: `mutation ($expectedDraftId: ID!) { publishDraft(expectedDraftId: $expectedDraftId) { ${VERSION_FIELDS} } }`,
  publicPolicy: `query ($slug: String!) { publicPolicy(practiceSlug: $slug) {
    title html text version effectiveDate publishedAt practiceName channels { kind label instructions href } } }`,
  channels: `{ channels { id kind label policyText instructions address href position enabled showInPolicy } }`,
  createChannel: `mutation ($input: CreateChannelInput!) { createChannel(input: $input) { id kind label policyText instructions address href position enabled showInPolicy } }`,
  updateChannel: `mutation ($id: ID!, $input: UpdateChannelInput!) { updateChannel(id: $id, input: $input) { id kind label policyText instructions address href position enabled showInPolicy } }`,
  deleteChannel: `mutation ($id: ID!) { deleteChannel(id: $id) }`,
  reorderChannels: `mutation ($ids: [ID!]!) { reorderChannels(ids: $ids) { id position } }`,
} as const;

export interface VersionView {
  id: string;
  versionNumber: number;
  status: 'draft' | 'published' | 'superseded';
  effectiveDate: string;
  title: string;
  html: string;
  text: string;
  basedOnVersionNumber: number | null;
  createdByName: string | null;
  publishedByName: string | null;
  publishedAt: string | null;
  supersededAt: string | null;
  warnings: { code: string; message: string; blockIndex: number | null }[];
  channels: { kind: string; label: string; instructions: string | null; href: string | null }[];
  document: {
    title: string;
    blocks: { type: string; text: string | null; items: string[] | null; intro: string | null }[];
  };
}

export interface ChannelView {
  id: string;
  kind: string;
  label: string;
  policyText: string;
  instructions: string | null;
  address: string | null;
  href: string | null;
  position: number;
  enabled: boolean;
  showInPolicy: boolean;
}

export interface PublicPolicyView {
  title: string;
  html: string;
  text: string;
  version: number;
  effectiveDate: string;
  publishedAt: string;
  practiceName: string;
  channels: { kind: string; label: string; instructions: string | null; href: string | null }[];
}

/** A small valid document; `marker` makes its wording recognisable. */
export function simpleDocument(marker: string) {
  return {
    title: '{{practiceName}} social media policy',
    blocks: [
      { type: 'paragraph', text: `Please talk to us before posting. ${marker}` },
      { type: 'channelList', intro: 'You can reach us in these ways:' },
      { type: 'signOff', text: '{{practiceName}}: {{effectiveMonthYear}}' },
    ],
  };
}

/** The first error's code and field, for compact assertions. */
export function problem(result: GqlResult): { code?: string; field?: string; message?: string } {
  const error = result.errors?.[0];
  return {
    code: error?.extensions?.code,
    field: error?.extensions?.field,
    message: error?.message,
  };
}

/** Calls as someone and returns data, failing on errors. */
export async function as<T>(
  t: TestApp,
  options: GqlOptions,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  return t.gqlOk<T>(query, variables, options);
}

/** Audit rows of one practice (read as the application would, bound to that practice). */
export function auditActions(
  t: TestApp,
  practiceId: string,
  entityId?: string,
): Promise<{ action: string; entity_id: string | null; actor_user_id: string | null }[]> {
  return t.db.run({ tenantPracticeId: practiceId }, (uow) =>
    uow.query<{ action: string; entity_id: string | null; actor_user_id: string | null }>(
      `SELECT action, entity_id, actor_user_id FROM audit_events
        WHERE practice_id = $1 AND ($2::text IS NULL OR entity_id = $2) ORDER BY occurred_at, action`,
      [practiceId, entityId ?? null],
    ),
  );
}

const FIXTURES = join(__dirname, '../../../../libs/shared/policy-render/fixtures');
const SCRAPED_CHROME = 'Social Share Buttons and Icons powered by Ultimatelysocial';

/** Whitespace differences are not wording (NBSPs and double spaces come from the web pages). */
export function normalise(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** A customer's document as the practice published it, without scraped website chrome. */
export function customerFixture(slug: 'wilmslow-health-centre' | 'trumpington-street'): string {
  const lines = normalise(readFileSync(join(FIXTURES, `${slug}.txt`), 'utf8')).split('\n');
  if (slug === 'wilmslow-health-centre') {
    if (lines[lines.length - 1] !== SCRAPED_CHROME)
      throw new Error('The Wilmslow fixture no longer ends with the scraped chrome line');
    lines.pop();
  }
  return lines.join('\n');
}
