import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ALL_RETENTION_DECISIONS,
  type FeedbackStatus,
  type IsoDate,
  type RetentionDecision,
} from '@parley/shared/domain';
import { FeedbackStatusEnum } from './feedback.enums';

export const RetentionDecisionEnum = Object.fromEntries(
  ALL_RETENTION_DECISIONS.map((d) => [d, d]),
) as { [K in RetentionDecision]: K };
registerEnumType(RetentionDecisionEnum, {
  name: 'RetentionDecision',
  description:
    'keep: for some more years, then review again. approved_for_destruction: reviewed and may be destroyed; Parley never deletes the record itself.',
});

@ObjectType({ description: 'How long the practice keeps closed complaint records.' })
export class RetentionSettings {
  @Field(() => Int, {
    description: 'Years after closure before a record is reviewed (at least 10).',
  })
  retentionYears!: number;
  @Field({ description: 'True while the practice runs on the 10-year default.' })
  isDefault!: boolean;
  @Field(() => Date, { nullable: true }) updatedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Name of the person who saved it.' })
  updatedBy!: string | null;
}

@ObjectType({ description: "A manager's decision on a record whose retention period has run." })
export class RetentionReview {
  @Field(() => ID) id!: string;
  @Field(() => RetentionDecisionEnum) decision!: RetentionDecision;
  @Field(() => Int, { nullable: true, description: 'keep: for how many more years.' })
  keepYears!: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'keep: the record is reviewed again after this day (yyyy-mm-dd).',
  })
  keepUntil!: IsoDate | null;
  @Field() reason!: string;
  @Field(() => Int, { description: 'The practice’s retention period when it was decided.' })
  retentionYears!: number;
  @Field() decidedAt!: Date;
  @Field(() => String, { nullable: true, description: 'Name of the manager who decided.' })
  decidedBy!: string | null;
}

/** Coded facts only: the summary and contact details stay on the item itself. */
@ObjectType({ description: 'A closed complaint record whose retention period has run.' })
export class RetentionReviewItem {
  @Field(() => ID) feedbackId!: string;
  @Field({ description: 'The short reference of the complaint.' }) reference!: string;
  @Field(() => FeedbackStatusEnum, { description: 'closed or withdrawn.' })
  status!: FeedbackStatus;
  @Field(() => String, { description: 'yyyy-mm-dd' }) receivedOn!: IsoDate;
  @Field(() => String, { description: 'The day it was closed or withdrawn (yyyy-mm-dd).' })
  closedOn!: IsoDate;
  @Field(() => String, {
    description: 'The last day of the retention period: closedOn plus the practice’s years.',
  })
  retentionEndsOn!: IsoDate;
  @Field({
    description:
      'Awaiting a decision: the period has run and no decision holds (a keep holds until its keepUntil).',
  })
  retentionReviewDue!: boolean;
  @Field(() => RetentionReview, { nullable: true, description: 'The latest decision, if any.' })
  latestReview!: RetentionReview | null;
}

@ObjectType()
export class RetentionReviewPage {
  @Field(() => [RetentionReviewItem], { description: 'Oldest closure first.' })
  items!: RetentionReviewItem[];
  @Field(() => Int, { description: 'Records past their retention period, on every page.' })
  totalCount!: number;
  @Field(() => Int, { description: 'Of those, records awaiting a decision.' })
  dueCount!: number;
  @Field(() => Int, { description: 'The retention period the list was worked out with.' })
  retentionYears!: number;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor!: string | null;
  @Field() hasNextPage!: boolean;
}
