import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ChannelKindEnum } from '@parley/api/channels';
import type {
  ComplainantStatus,
  ComplaintOutcome,
  FeedbackKind,
  FeedbackStatus,
  FftRating,
  PatientAgeBand,
  Sentiment,
  StaffGroup,
  SubjectArea,
} from '@parley/shared/domain';
import type { ChannelKind } from '@parley/shared/policy-render';
import {
  ComplainantStatusEnum,
  ComplaintOutcomeEnum,
  FeedbackKindEnum,
  type FeedbackSource,
  FeedbackSourceEnum,
  FeedbackStatusEnum,
  FftRatingEnum,
  PatientAgeBandEnum,
  SentimentEnum,
  StaffGroupEnum,
  SubjectAreaEnum,
} from './feedback.enums';

@ObjectType({ description: 'The channel an item arrived through.' })
export class FeedbackItemChannel {
  @Field(() => ID) id!: string;
  @Field(() => ChannelKindEnum) kind!: ChannelKind;
  @Field() label!: string;
}

@ObjectType({
  description:
    'KO41(b) coding of a complaint. One complaint counts once, however many areas it touches.',
})
export class Ko41bCoding {
  @Field(() => [SubjectAreaEnum]) subjectAreas!: SubjectArea[];
  @Field(() => [StaffGroupEnum]) staffGroups!: StaffGroup[];
  @Field(() => ComplainantStatusEnum, { nullable: true })
  complainantStatus!: ComplainantStatus | null;
  @Field(() => PatientAgeBandEnum, { nullable: true }) ageBand!: PatientAgeBand | null;
  @Field({
    description:
      'Subject area(s), status of complainant and age band are recorded: needed before closing.',
  })
  complete!: boolean;
}

@ObjectType({
  description:
    "How to reach the person who gave the feedback. Visible only to the practice's own people.",
})
export class FeedbackContact {
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
}

@ObjectType({ description: 'The 12-month time limit, checked at intake.' })
export class TimeLimitCheck {
  @Field({
    description: 'Last day a complaint about the matter could be made in time (yyyy-mm-dd).',
  })
  limitDate!: string;
  @Field() withinLimit!: boolean;
  @Field({ description: 'A manager accepted the complaint although it was late.' })
  waived!: boolean;
  @Field(() => String, { nullable: true }) waivedBecause!: string | null;
}

@ObjectType({
  description:
    'The statutory clocks of a complaint (Complaints Regulations 2009), as of today in the UK.',
})
export class ComplaintClocks {
  @Field({
    description: 'The 3rd working day after receipt (weekends and bank holidays excluded).',
  })
  acknowledgementDue!: string;
  @Field() acknowledgementOverdue!: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Set once acknowledged.' })
  acknowledgedInTime!: boolean | null;
  @Field({
    description:
      'Six months after receipt: if no response has gone by then, write to explain the delay.',
  })
  delayLetterDue!: string;
  @Field({ description: 'No response, no delay letter recorded, and the day has passed.' })
  delayLetterOverdue!: boolean;
  @Field(() => String, { nullable: true }) delayLetterSentOn!: string | null;
  @Field(() => TimeLimitCheck, {
    nullable: true,
    description: 'Absent when neither the event date nor the date of awareness is known.',
  })
  timeLimit!: TimeLimitCheck | null;
}

@ObjectType()
export class FeedbackActor {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType({
  description: 'One step of the workflow: who moved the item, when, and from which status.',
})
export class FeedbackStatusChange {
  @Field(() => ID) id!: string;
  @Field(() => FeedbackStatusEnum, {
    nullable: true,
    description: 'Null for the item being logged.',
  })
  from!: FeedbackStatus | null;
  @Field(() => FeedbackStatusEnum) to!: FeedbackStatus;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field({ description: 'The day the step took effect (yyyy-mm-dd).' }) effectiveOn!: string;
  @Field() occurredAt!: Date;
  @Field(() => FeedbackActor, {
    nullable: true,
    description: 'Null for the online form and for Parley itself.',
  })
  by!: FeedbackActor | null;
}

@ObjectType({ description: 'One item of the feedback and complaints log.' })
export class FeedbackItem {
  @Field(() => ID) id!: string;
  @Field({ description: 'Short reference to quote to the complainant and to search by.' })
  reference!: string;
  @Field(() => FeedbackItemChannel) channel!: FeedbackItemChannel;
  @Field(() => FeedbackSourceEnum) source!: FeedbackSource;
  @Field() receivedAt!: Date;
  @Field({ description: 'The UK calendar day of receipt (yyyy-mm-dd): day 0 of the clocks.' })
  receivedOn!: string;
  @Field(() => FeedbackKindEnum) kind!: FeedbackKind;
  @Field(() => SentimentEnum) sentiment!: Sentiment;
  @Field() summary!: string;
  @Field({
    description:
      'Made orally (in person or by phone). A complaint never has to be made in writing.',
  })
  oral!: boolean;
  @Field(() => FeedbackStatusEnum) status!: FeedbackStatus;
  @Field(() => [FeedbackStatusEnum], { description: 'The statuses the item can move to next.' })
  allowedTransitions!: FeedbackStatus[];
  @Field(() => Ko41bCoding, { nullable: true, description: 'Complaints only.' })
  coding!: Ko41bCoding | null;
  @Field(() => String, { nullable: true }) eventOn!: string | null;
  @Field(() => String, { nullable: true }) awareOn!: string | null;
  @Field({ description: 'Made after the 12-month time limit and not (yet) waived.' })
  timeLimitFlagged!: boolean;
  @Field(() => ComplaintOutcomeEnum, { nullable: true }) outcome!: ComplaintOutcome | null;
  @Field({
    description:
      'The final response told the complainant of their right to go to the Parliamentary and Health Service Ombudsman.',
  })
  phsoInformed!: boolean;
  @Field({
    description:
      'An oral complaint resolved by the next working day: outside the regulations, not counted in KO41(b).',
  })
  outsideRegulations!: boolean;
  @Field(() => String, { nullable: true }) acknowledgedOn!: string | null;
  @Field(() => String, { nullable: true }) respondedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'The day it was closed or withdrawn.' })
  closedOn!: string | null;
  @Field(() => ComplaintClocks, {
    nullable: true,
    description: 'Complaints within the regulations only.',
  })
  clocks!: ComplaintClocks | null;
  @Field(() => FeedbackContact, { nullable: true }) contact!: FeedbackContact | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType()
export class FeedbackItemPage {
  @Field(() => [FeedbackItem]) items!: FeedbackItem[];
  @Field(() => Int, { description: 'Items matching the filter, on every page.' })
  totalCount!: number;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor!: string | null;
  @Field() hasNextPage!: boolean;
}

@ObjectType({ description: "What needs doing now, for the practice's home page." })
export class OverdueFeedback {
  @Field(() => [FeedbackItem], {
    description: 'Complaints not acknowledged by the 3rd working day.',
  })
  acknowledgementOverdue!: FeedbackItem[];
  @Field(() => [FeedbackItem], {
    description: 'Complaints with no response whose delay letter is overdue or due within 14 days.',
  })
  delayLetterDue!: FeedbackItem[];
  @Field(() => Int, { description: 'Distinct items above.' }) total!: number;
}

@ObjectType({ description: 'Friends and Family Test answers received in one month.' })
export class FftMonth {
  @Field({ description: 'yyyy-mm' }) month!: string;
  @Field(() => Int) veryGood!: number;
  @Field(() => Int) good!: number;
  @Field(() => Int) neither!: number;
  @Field(() => Int) poor!: number;
  @Field(() => Int) veryPoor!: number;
  @Field(() => Int) dontKnow!: number;
  @Field(() => Int) total!: number;
}

@ObjectType()
export class FftResponse {
  @Field(() => ID) id!: string;
  @Field(() => FftRatingEnum) rating!: FftRating;
  @Field() respondedOn!: string;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field() createdAt!: Date;
}

@ObjectType()
export class BankHoliday {
  @Field({ description: 'yyyy-mm-dd' }) date!: string;
  @Field() name!: string;
}

@ObjectType({ description: 'What the online form answers: the submission was received.' })
export class PublicFeedbackReceipt {
  @Field() status!: string;
  @Field({ description: 'Quote this reference when contacting the practice about it.' })
  reference!: string;
  @Field() receivedAt!: Date;
}

@ObjectType({
  description:
    'A problem with one row of an import. Row 1 is the header, as a spreadsheet numbers them.',
})
export class CsvRowProblem {
  @Field(() => Int) row!: number;
  @Field(() => String, {
    nullable: true,
    description: 'The column, when the problem is about one.',
  })
  field!: string | null;
  @Field() message!: string;
}

@ObjectType({
  description:
    'All or nothing: when any row has a problem nothing is imported and every problem is listed.',
})
export class ComplaintsImportResult {
  @Field(() => Int, { description: 'Data rows read (the header excluded).' }) rows!: number;
  @Field(() => Int) imported!: number;
  @Field(() => [CsvRowProblem]) problems!: CsvRowProblem[];
}
