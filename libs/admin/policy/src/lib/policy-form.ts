import {
  type AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  type ValidatorFn,
  Validators,
} from '@angular/forms';
import { POLICY_LIMITS, type PolicyBlock, type PolicyDocument } from '@parley/shared/policy-render';
import { PolicyBlockType } from './generated/graphql';

/**
 * The policy editor's form: title, effective date and blocks. Every block has one text control:
 * the text of a paragraph, heading or sign-off; the items of a numbered list, one per line; the
 * optional intro of a channel list or escalation steps.
 */
export type BlockForm = FormGroup<{
  type: FormControl<PolicyBlockType>;
  text: FormControl<string>;
}>;
export type PolicyForm = FormGroup<{
  title: FormControl<string>;
  effectiveDate: FormControl<string>;
  blocks: FormArray<BlockForm>;
}>;

export interface BlockTypeInfo {
  type: PolicyBlockType;
  name: string;
  /** The label of the block's text field. */
  field: string;
  hint: string;
  required: boolean;
}

export const BLOCK_TYPES: readonly BlockTypeInfo[] = [
  { type: PolicyBlockType.Paragraph, name: 'Paragraph', field: 'Text', hint: '', required: true },
  {
    type: PolicyBlockType.Heading,
    name: 'Sub-heading',
    field: 'Heading',
    hint: '',
    required: true,
  },
  {
    type: PolicyBlockType.NumberedList,
    name: 'Numbered list',
    field: 'Items, one per line',
    hint: `Each line is a numbered item (at most ${POLICY_LIMITS.listItems}).`,
    required: true,
  },
  {
    type: PolicyBlockType.ChannelList,
    name: 'Channel list',
    field: 'Introduction (optional)',
    hint: 'The items come from the practice’s switched-on channels.',
    required: false,
  },
  {
    type: PolicyBlockType.EscalationSteps,
    name: 'Escalation steps',
    field: 'Introduction (optional)',
    hint: 'The items come from the practice’s escalation steps; left out while there are none.',
    required: false,
  },
  {
    type: PolicyBlockType.SignOff,
    name: 'Sign-off',
    field: 'Text',
    hint: 'e.g. {{practiceName}}: {{effectiveMonthYear}}',
    required: true,
  },
];

export function blockTypeInfo(type: PolicyBlockType): BlockTypeInfo {
  return BLOCK_TYPES.find((b) => b.type === type) ?? BLOCK_TYPES[0];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Characters as the API counts them (code points, so an emoji is one). */
export function charCount(value: string): number {
  return Array.from(value).length;
}

const maxChars =
  (limit: number): ValidatorFn =>
  (control) => {
    const length = charCount(String(control.value ?? ''));
    return length > limit ? { maxChars: { limit, length } } : null;
  };

const listItems: ValidatorFn = (control) => {
  const items = listLines(String(control.value ?? ''));
  if (items.length > POLICY_LIMITS.listItems)
    return { maxItems: { limit: POLICY_LIMITS.listItems, count: items.length } };
  const long = items.findIndex((item) => charCount(item) > POLICY_LIMITS.inlineTextChars);
  return long >= 0
    ? { itemTooLong: { item: long + 1, limit: POLICY_LIMITS.inlineTextChars } }
    : null;
};

const notBlank: ValidatorFn = (control) =>
  String(control.value ?? '').trim() ? null : { required: true };

export function blockForm(type: PolicyBlockType, text = ''): BlockForm {
  const info = blockTypeInfo(type);
  const validators: ValidatorFn[] = info.required ? [notBlank] : [];
  validators.push(
    type === PolicyBlockType.NumberedList ? listItems : maxChars(POLICY_LIMITS.inlineTextChars),
  );
  return new FormGroup({
    type: new FormControl(type, { nonNullable: true }),
    text: new FormControl(text, { nonNullable: true, validators }),
  });
}

export function policyForm(): PolicyForm {
  return new FormGroup({
    title: new FormControl('', {
      nonNullable: true,
      validators: [notBlank, maxChars(POLICY_LIMITS.titleChars)],
    }),
    effectiveDate: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(ISO_DATE)],
    }),
    blocks: new FormArray<BlockForm>([]),
  });
}

/** A block as the API returns it (nulls for absent fields) or as the shared library has it. */
export interface BlockLike {
  type: PolicyBlockType | PolicyBlock['type'];
  text?: string | null;
  items?: readonly string[] | null;
  intro?: string | null;
}

/** Puts a document into the form, replacing what was there; the form is left pristine. */
export function fillForm(
  form: PolicyForm,
  document: { title: string; blocks: readonly BlockLike[] },
  effectiveDate: string,
): void {
  form.controls.blocks.clear({ emitEvent: false });
  for (const block of document.blocks) {
    const text = block.items ? block.items.join('\n') : (block.text ?? block.intro ?? '');
    form.controls.blocks.push(blockForm(block.type as PolicyBlockType, text), { emitEvent: false });
  }
  form.setValue({
    title: document.title,
    effectiveDate,
    blocks: form.controls.blocks.getRawValue(),
  });
  form.markAsPristine();
  form.markAsUntouched();
}

/** A numbered list's lines: one item per non-blank line, trimmed. */
export function listLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The document the form describes, in the shared library's shape (what the renderer and API take). */
export function toDocument(form: PolicyForm): PolicyDocument {
  const { title, blocks } = form.getRawValue();
  return {
    title,
    blocks: blocks.map(({ type, text }): PolicyBlock => {
      switch (type) {
        case PolicyBlockType.NumberedList:
          return { type: 'numberedList', items: listLines(text) };
        case PolicyBlockType.ChannelList:
        case PolicyBlockType.EscalationSteps: {
          const kind = type === PolicyBlockType.ChannelList ? 'channelList' : 'escalationSteps';
          return text.trim() ? { type: kind, intro: text } : { type: kind };
        }
        case PolicyBlockType.Heading:
          return { type: 'heading', text };
        case PolicyBlockType.SignOff:
          return { type: 'signOff', text };
        default:
          return { type: 'paragraph', text };
      }
    }),
  };
}

/** The document as GraphQL input (the API's enum for block types, nulls for absent fields). */
export function toDocumentInput(document: PolicyDocument) {
  return {
    title: document.title,
    blocks: document.blocks.map((block) => ({
      type: block.type as PolicyBlockType,
      text: 'text' in block ? block.text : null,
      items: 'items' in block ? block.items : null,
      intro: 'intro' in block ? (block.intro ?? null) : null,
    })),
  };
}

/**
 * The control an API error names: `effectiveDate`, `document.title`, `document.blocks[2].text`,
 * `document.blocks[2].items[3]`… (with or without a leading `input.`). Null when none matches.
 */
export function controlForField(
  form: PolicyForm,
  field: string | undefined,
): AbstractControl | null {
  if (!field) return null;
  const path = field.replace(/^input\./, '').replace(/^document\./, '');
  if (path === 'title') return form.controls.title;
  if (path === 'effectiveDate') return form.controls.effectiveDate;
  const block = /^blocks\[(\d+)\]/.exec(path);
  if (block) return form.controls.blocks.at(Number(block[1]))?.controls.text ?? null;
  return null;
}

/** Puts an API error under the field it names, as `errors.server`; false when it names none. */
export function placeServerError(
  form: PolicyForm,
  error: { field?: string; message: string },
): boolean {
  const control = controlForField(form, error.field);
  if (!control) return false;
  control.setErrors({ ...(control.errors ?? {}), server: error.message });
  control.markAsTouched();
  return true;
}

/** What the editor starts from when a practice has never written a policy. */
export const STARTER_DOCUMENT: PolicyDocument = {
  title: '{{practiceName}} Social Media Policy',
  blocks: [
    {
      type: 'paragraph',
      text: 'We would much rather hear from you directly, so that we can answer you and, where needed, put things right.',
    },
    {
      type: 'channelList',
      intro: 'Please bring your feedback to us in whichever of these ways suits you best:',
    },
    { type: 'signOff', text: '{{practiceName}}: {{effectiveMonthYear}}' },
  ],
};
