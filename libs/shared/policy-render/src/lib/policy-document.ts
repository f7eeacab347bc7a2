/**
 * Text in Parley's tiny inline markup: `*emphasis*`, `**strong**`, `[label](url)` and the
 * template fields `{{practiceName}}`, `{{effectiveDate}}`, `{{effectiveMonthYear}}`.
 * Everything else, HTML included, is literal text.
 */
export type InlineText = string;

export interface ParagraphBlock {
  type: 'paragraph';
  text: InlineText;
}

/** A sub-heading: rendered one level below the policy title. */
export interface HeadingBlock {
  type: 'heading';
  text: InlineText;
}

export interface NumberedListBlock {
  type: 'numberedList';
  items: InlineText[];
}

/** The practice's channels, one numbered item per channel shown in the policy. */
export interface ChannelListBlock {
  type: 'channelList';
  intro?: InlineText;
}

/** The practice's escalation ladder, one numbered item per step. */
export interface EscalationStepsBlock {
  type: 'escalationSteps';
  intro?: InlineText;
}

/** Closing line, e.g. `{{practiceName}}: {{effectiveMonthYear}}`. */
export interface SignOffBlock {
  type: 'signOff';
  text: InlineText;
}

export type PolicyBlock =
  | ParagraphBlock
  | HeadingBlock
  | NumberedListBlock
  | ChannelListBlock
  | EscalationStepsBlock
  | SignOffBlock;

export type PolicyBlockType = PolicyBlock['type'];

/** A practice's policy wording as stored (jsonb): JSON-serialisable, no rendering decisions. */
export interface PolicyDocument {
  title: InlineText;
  blocks: PolicyBlock[];
}

export const CHANNEL_KINDS = [
  'letter_box',
  'in_person',
  'email',
  'phone',
  'nhs_website',
  'online_form',
] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** A feedback channel as the renderer needs it. */
export interface RenderChannel {
  kind: ChannelKind;
  label: string;
  /** The channel's numbered item in the policy's channel list. */
  policyText: InlineText;
  instructions?: string;
  href?: string | null;
  /** Switched-off channels are never offered to the public. Default true. */
  enabled?: boolean;
  /** False for channels offered by the embed but not given their own item. Default true. */
  showInPolicy?: boolean;
}

export interface RenderContext {
  practiceName: string;
  /** ISO date, yyyy-mm-dd. */
  effectiveDate: string;
  /** In display order. */
  channels: RenderChannel[];
  /** In ladder order. */
  escalationSteps: string[];
}

export const POLICY_LIMITS = {
  titleChars: 200,
  blocks: 60,
  inlineTextChars: 4000,
  listItems: 30,
} as const;

export interface PolicyValidationError {
  path: string;
  message: string;
}

export type PolicyValidationResult =
  | { ok: true; document: PolicyDocument }
  | { ok: false; errors: PolicyValidationError[] };

/** Fields each block type has; anything else is rejected so stored jsonb stays predictable. */
const BLOCK_FIELDS: Record<PolicyBlockType, readonly string[]> = {
  paragraph: ['text'],
  heading: ['text'],
  numberedList: ['items'],
  channelList: ['intro'],
  escalationSteps: ['intro'],
  signOff: ['text'],
};
const BLOCK_TYPES = Object.keys(BLOCK_FIELDS) as PolicyBlockType[];

/** Enough to fix a document; a hostile payload must not produce an unbounded response. */
const MAX_ERRORS = 50;

type Json = Record<string, unknown>;

/**
 * Checks an untrusted value (request body, jsonb row) against the document shape and
 * {@link POLICY_LIMITS}. On success returns a fresh copy holding only the known fields.
 */
export function validatePolicyDocument(doc: unknown): PolicyValidationResult {
  const errors: PolicyValidationError[] = [];
  const fail = (path: string, message: string) => {
    if (errors.length < MAX_ERRORS) errors.push({ path, message });
  };

  if (!isPlainObject(doc)) {
    return { ok: false, errors: [{ path: '', message: 'the policy document must be an object' }] };
  }
  rejectUnknownKeys(doc, ['title', 'blocks'], '', fail);
  const title = readText(doc, 'title', '', POLICY_LIMITS.titleChars, true, fail);

  const blocks: PolicyBlock[] = [];
  if (!Array.isArray(doc['blocks'])) {
    fail('blocks', 'blocks is required and must be a list');
  } else {
    const raw: unknown[] = doc['blocks'];
    if (raw.length > POLICY_LIMITS.blocks) {
      fail(
        'blocks',
        `blocks has ${count(raw.length)} blocks; the limit is ${count(POLICY_LIMITS.blocks)}`,
      );
    }
    raw.forEach((value, i) => {
      const block = readBlock(value, `blocks[${i}]`, fail);
      if (block) blocks.push(block);
    });
  }

  if (errors.length > 0 || title === undefined) return { ok: false, errors };
  return { ok: true, document: { title, blocks } };
}

type Fail = (path: string, message: string) => void;

function readBlock(value: unknown, path: string, fail: Fail): PolicyBlock | undefined {
  if (!isPlainObject(value)) {
    fail(path, `${path} must be an object`);
    return undefined;
  }
  const type = value['type'];
  if (typeof type !== 'string' || !(BLOCK_TYPES as string[]).includes(type)) {
    const shown = typeof type === 'string' ? `"${type}"` : 'missing';
    fail(`${path}.type`, `${path}.type is ${shown}; expected one of ${BLOCK_TYPES.join(', ')}`);
    return undefined;
  }
  const blockType = type as PolicyBlockType;
  rejectUnknownKeys(value, ['type', ...BLOCK_FIELDS[blockType]], path, fail);
  const limit = POLICY_LIMITS.inlineTextChars;

  switch (blockType) {
    case 'paragraph':
    case 'heading':
    case 'signOff': {
      const text = readText(value, 'text', path, limit, true, fail);
      return text === undefined ? undefined : { type: blockType, text };
    }
    case 'channelList':
    case 'escalationSteps': {
      if (value['intro'] === undefined) return { type: blockType };
      const intro = readText(value, 'intro', path, limit, false, fail);
      return intro === undefined ? undefined : { type: blockType, intro };
    }
    case 'numberedList': {
      const items = readItems(value['items'], `${path}.items`, fail);
      return items === undefined ? undefined : { type: blockType, items };
    }
  }
}

function readItems(value: unknown, path: string, fail: Fail): string[] | undefined {
  if (!Array.isArray(value)) {
    fail(path, `${path} is required and must be a list`);
    return undefined;
  }
  const items: unknown[] = value;
  let valid = true;
  if (items.length === 0) {
    fail(path, `${path} is empty; a list needs at least one item`);
    valid = false;
  }
  if (items.length > POLICY_LIMITS.listItems) {
    fail(
      path,
      `${path} has ${count(items.length)} items; the limit is ${count(POLICY_LIMITS.listItems)}`,
    );
    valid = false;
  }
  items.forEach((item, i) => {
    if (checkText(item, `${path}[${i}]`, POLICY_LIMITS.inlineTextChars, true, fail) === undefined) {
      valid = false;
    }
  });
  return valid ? (items as string[]) : undefined;
}

function readText(
  obj: Json,
  key: string,
  parent: string,
  limit: number,
  required: boolean,
  fail: Fail,
): string | undefined {
  return checkText(obj[key], parent ? `${parent}.${key}` : key, limit, required, fail);
}

function checkText(
  value: unknown,
  path: string,
  limit: number,
  required: boolean,
  fail: Fail,
): string | undefined {
  if (typeof value !== 'string') {
    fail(path, value === undefined ? `${path} is required` : `${path} must be text`);
    return undefined;
  }
  if (required && value.trim() === '') {
    fail(path, `${path} is empty`);
    return undefined;
  }
  // Code points, not UTF-16 units: a curly quote or an emoji counts as one character.
  const length = Array.from(value).length;
  if (length > limit) {
    fail(path, `${path} is ${count(length)} characters; the limit is ${count(limit)}`);
    return undefined;
  }
  return value;
}

function rejectUnknownKeys(obj: Json, allowed: readonly string[], parent: string, fail: Fail) {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      const path = parent ? `${parent}.${key}` : key;
      fail(path, `${path} is not a known field`);
    }
  }
}

function isPlainObject(value: unknown): value is Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** "4,120": hand-rolled so messages are identical in Node and any browser locale. */
function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
