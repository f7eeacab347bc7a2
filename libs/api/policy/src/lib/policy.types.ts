import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ChannelKindEnum } from '@parley/api/channels';
import {
  type ChannelKind,
  type DiffOp,
  POLICY_WARNING_CODES,
  type PolicyBlockType,
  type PolicyWarningCode,
} from '@parley/shared/policy-render';

/** Enum values are the stored strings, so a document from the shared library is valid input as it is. */
function enumOf<const T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const POLICY_STATUSES = ['draft', 'published', 'superseded'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];
export const PolicyStatusEnum = enumOf(POLICY_STATUSES);
registerEnumType(PolicyStatusEnum, {
  name: 'PolicyStatus',
  description: 'draft → published → superseded.',
});

export const POLICY_BLOCK_TYPES: readonly PolicyBlockType[] = [
  'paragraph',
  'heading',
  'numberedList',
  'channelList',
  'escalationSteps',
  'signOff',
];
export const PolicyBlockTypeEnum = enumOf(POLICY_BLOCK_TYPES);
registerEnumType(PolicyBlockTypeEnum, {
  name: 'PolicyBlockType',
  description:
    'paragraph, heading, signOff: `text`. numberedList: `items`. channelList, escalationSteps: optional `intro` ' +
    '(their items come from the channels and the escalation ladder).',
});

export const PolicyWarningCodeEnum = enumOf(POLICY_WARNING_CODES);
registerEnumType(PolicyWarningCodeEnum, { name: 'PolicyWarningCode' });

export const DiffOpEnum = enumOf<DiffOp>(['equal', 'added', 'removed']);
registerEnumType(DiffOpEnum, { name: 'DiffOp' });

@ObjectType({
  description:
    'One block of a policy document. Text fields use inline markup (*em*, **strong**, [label](url), {{field}}).',
})
export class PolicyBlock {
  @Field(() => PolicyBlockTypeEnum) type!: PolicyBlockType;
  @Field(() => String, { nullable: true }) text?: string | null;
  @Field(() => [String], { nullable: true }) items?: string[] | null;
  @Field(() => String, { nullable: true }) intro?: string | null;
}

@ObjectType()
export class PolicyDocument {
  @Field() title!: string;
  @Field(() => [PolicyBlock]) blocks!: PolicyBlock[];
}

@ObjectType({ description: 'Advice from the policy check. Warnings never block publishing.' })
export class PolicyWarning {
  @Field(() => PolicyWarningCodeEnum) code!: PolicyWarningCode;
  @Field() message!: string;
  @Field(() => Int, {
    nullable: true,
    description: 'The block it is about; null for the title or the whole policy.',
  })
  blockIndex?: number | null;
}

@ObjectType({ description: 'A channel as the public sees it.' })
export class PublicChannel {
  @Field(() => ChannelKindEnum) kind!: ChannelKind;
  @Field() label!: string;
  @Field(() => String, { nullable: true }) instructions!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'mailto:, tel: or https: link, when the channel has one.',
  })
  href!: string | null;
}

@ObjectType()
export class PolicyVersion {
  @Field(() => ID) id!: string;
  @Field(() => Int) versionNumber!: number;
  @Field(() => PolicyStatusEnum) status!: PolicyStatus;
  @Field(() => PolicyDocument) document!: PolicyDocument;
  @Field({ description: 'yyyy-mm-dd' }) effectiveDate!: string;
  @Field({ description: 'The rendered title (template fields filled in).' }) title!: string;
  @Field({
    description:
      'Sanitised HTML: frozen at publishing; for a draft, rendered with the current channels.',
  })
  html!: string;
  @Field({ description: 'Plain text, like html.' }) text!: string;
  @Field(() => [PolicyWarning], {
    description: 'Stored at publishing; for a draft, checked against the current channels.',
  })
  warnings!: PolicyWarning[];
  @Field(() => [PublicChannel], {
    description: 'Channels offered with the version (frozen once published).',
  })
  channels!: PublicChannel[];
  @Field(() => Int, { nullable: true, description: 'The version a draft was started from.' })
  basedOnVersionNumber!: number | null;
  @Field() createdAt!: Date;
  @Field(() => String, { nullable: true }) createdByName!: string | null;
  @Field() updatedAt!: Date;
  @Field(() => String, { nullable: true }) updatedByName!: string | null;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  @Field(() => String, { nullable: true }) publishedByName!: string | null;
  @Field(() => Date, { nullable: true }) supersededAt!: Date | null;
}

@ObjectType({
  description: 'A document rendered through the public renderer, without saving anything.',
})
export class PolicyPreview {
  @Field() title!: string;
  @Field() html!: string;
  @Field() text!: string;
  @Field(() => [PolicyWarning]) warnings!: PolicyWarning[];
}

@ObjectType()
export class PolicyDiffSegment {
  @Field(() => DiffOpEnum) op!: DiffOp;
  @Field() text!: string;
}

@ObjectType()
export class PolicyDiffLine {
  @Field(() => DiffOpEnum) op!: DiffOp;
  @Field() text!: string;
  @Field(() => [PolicyDiffSegment], {
    nullable: true,
    description: 'Word-level changes of a changed line.',
  })
  words?: PolicyDiffSegment[] | null;
}

@ObjectType({ description: 'Line diff of the plain text of two versions.' })
export class PolicyDiff {
  @Field(() => Int) fromVersionNumber!: number;
  @Field(() => Int) toVersionNumber!: number;
  @Field(() => [PolicyDiffLine]) lines!: PolicyDiffLine[];
}

@ObjectType({ description: "A practice's current published policy, as anyone may read it." })
export class PublicPolicy {
  @Field() title!: string;
  @Field() html!: string;
  @Field() text!: string;
  @Field(() => Int) version!: number;
  @Field({ description: 'yyyy-mm-dd' }) effectiveDate!: string;
  @Field() publishedAt!: Date;
  @Field() practiceName!: string;
  @Field(() => [PublicChannel]) channels!: PublicChannel[];
}
