import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export const InsightsPeriod = {
  MONTH: 'MONTH',
  QUARTER: 'QUARTER',
  FINANCIAL_YEAR: 'FINANCIAL_YEAR',
} as const;
export type InsightsPeriod = (typeof InsightsPeriod)[keyof typeof InsightsPeriod];
registerEnumType(InsightsPeriod, {
  name: 'InsightsPeriod',
  description:
    'Trend buckets: calendar months, financial-year quarters (Q1 = April to June), financial years (April to March).',
});

export const InsightsFlagReason = {
  COMPLAINT_RATE: 'COMPLAINT_RATE',
  ACK_COMPLIANCE: 'ACK_COMPLIANCE',
} as const;
export type InsightsFlagReason = (typeof InsightsFlagReason)[keyof typeof InsightsFlagReason];
registerEnumType(InsightsFlagReason, {
  name: 'InsightsFlagReason',
  description:
    "COMPLAINT_RATE: complaints per 1,000 patients per year above the ICB's maximum; ACK_COMPLIANCE: share acknowledged within 3 working days below its minimum.",
});

@ObjectType({
  description: 'A count as an auditor may see it: never a hidden value, only that it is hidden.',
})
export class InsightsCount {
  @Field(() => Int, { nullable: true, description: 'Null when suppressed.' }) value!: number | null;
  @Field() suppressed!: boolean;
  @Field({ description: 'What to print: the number, or the suppression marker.' }) display!: string;
}

@ObjectType()
export class InsightsColumn {
  @Field() key!: string;
  @Field() label!: string;
}

@ObjectType()
export class InsightsTableRow {
  @Field() key!: string;
  @Field() label!: string;
  @Field(() => [InsightsCount]) cells!: InsightsCount[];
  @Field(() => InsightsCount) total!: InsightsCount;
}

@ObjectType({
  description:
    'A table of counts with its totals, suppressed as one with the other tables of the same response.',
})
export class InsightsTable {
  @Field() key!: string;
  @Field() title!: string;
  @Field() description!: string;
  @Field(() => [InsightsColumn]) columns!: InsightsColumn[];
  @Field(() => [InsightsTableRow]) rows!: InsightsTableRow[];
  @Field(() => [InsightsCount]) columnTotals!: InsightsCount[];
  @Field(() => InsightsCount) grandTotal!: InsightsCount;
}

@ObjectType()
export class InsightsIcbRef {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType()
export class InsightsPractice {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) odsCode!: string | null;
  @Field(() => Int, {
    description: 'Registered patients (current list size), for rates per 1,000.',
  })
  listSize!: number;
}

@ObjectType()
export class InsightsThresholds {
  @Field(() => ID) icbId!: string;
  @Field(() => Float, {
    nullable: true,
    description:
      'Flag a practice above this many complaints per 1,000 registered patients per year.',
  })
  maxComplaintsPer1000PerYear!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Flag a practice acknowledging fewer than this % of complaints within 3 working days.',
  })
  minAckWithin3DaysPercent!: number | null;
  @Field(() => Date, { nullable: true }) updatedAt!: Date | null;
}

@ObjectType({ description: 'An ICB the caller may review, with its practices.' })
export class InsightsIcb {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() slug!: string;
  @Field(() => [InsightsPractice]) practices!: InsightsPractice[];
  @Field(() => InsightsThresholds) thresholds!: InsightsThresholds;
}

@ObjectType()
export class InsightsPeriodColumn {
  @Field() key!: string;
  @Field() label!: string;
  @Field({ description: 'yyyy-mm' }) firstMonth!: string;
  @Field({ description: 'yyyy-mm' }) lastMonth!: string;
  @Field(() => Int, { description: 'Months of the period inside the requested range.' })
  months!: number;
}

@ObjectType()
export class InsightsSeriesPoint {
  @Field({ description: 'The period key (see periods).' }) period!: string;
  @Field(() => InsightsCount, {
    description: 'Complaints received (under the regulations, not withdrawn).',
  })
  complaints!: InsightsCount;
  @Field(() => Float, { nullable: true, description: 'Null when the count is suppressed.' })
  complaintsPer1000PerYear!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Null when a count behind it is suppressed or there were no complaints.',
  })
  ackWithin3DaysPercent!: number | null;
}

@ObjectType()
export class InsightsFlag {
  @Field(() => InsightsFlagReason) reason!: InsightsFlagReason;
  @Field(() => Float) value!: number;
  @Field(() => Float) threshold!: number;
}

@ObjectType({ description: "One practice's figures over the whole requested range." })
export class InsightsPracticeSummary {
  @Field(() => InsightsPractice) practice!: InsightsPractice;
  @Field(() => InsightsCount) complaints!: InsightsCount;
  @Field(() => InsightsCount) ackWithin3Days!: InsightsCount;
  @Field(() => InsightsCount, { description: 'Acknowledged late, or not acknowledged.' })
  ackNotWithin3Days!: InsightsCount;
  @Field(() => Float, { nullable: true }) complaintsPer1000PerYear!: number | null;
  @Field(() => Float, { nullable: true }) ackWithin3DaysPercent!: number | null;
  @Field(() => [InsightsFlag], {
    description: 'Thresholds of the ICB this practice crosses, judged on shown figures only.',
  })
  flags!: InsightsFlag[];
  @Field(() => [InsightsFlagReason], {
    description: 'Thresholds that cannot be judged because the figures behind them are suppressed.',
  })
  notAssessed!: InsightsFlagReason[];
}

@ObjectType()
export class InsightsTrends {
  @Field(() => InsightsIcbRef) icb!: InsightsIcbRef;
  @Field(() => InsightsPractice, {
    nullable: true,
    description: 'Set for a drill-down to one practice.',
  })
  practice!: InsightsPractice | null;
  @Field(() => InsightsPeriod) period!: InsightsPeriod;
  @Field({ description: 'First month of the range, yyyy-mm.' }) fromMonth!: string;
  @Field({ description: 'Last month of the range, yyyy-mm.' }) toMonth!: string;
  @Field(() => Int) registeredPatients!: number;
  @Field(() => [InsightsPeriodColumn]) periods!: InsightsPeriodColumn[];
  @Field(() => [InsightsSeriesPoint]) series!: InsightsSeriesPoint[];
  @Field(() => InsightsTable) acknowledgement!: InsightsTable;
  @Field(() => InsightsTable, {
    nullable: true,
    description: 'ICB-wide only: each practice over the range.',
  })
  practiceComparison!: InsightsTable | null;
  @Field(() => [InsightsPracticeSummary]) practices!: InsightsPracticeSummary[];
  @Field(() => InsightsTable) feedbackByKind!: InsightsTable;
  @Field(() => InsightsTable) feedbackByChannel!: InsightsTable;
  @Field(() => InsightsTable) complaintsByTheme!: InsightsTable;
  @Field(() => InsightsTable) resolvedByOutcome!: InsightsTable;
  @Field(() => InsightsTable) fftByRating!: InsightsTable;
  @Field(() => InsightsTable) incidentsBySeverity!: InsightsTable;
  @Field(() => InsightsTable) incidentsByPlatform!: InsightsTable;
  @Field(() => InsightsTable) escalationSteps!: InsightsTable;
  @Field(() => InsightsThresholds) thresholds!: InsightsThresholds;
  @Field() suppressionNote!: string;
}

@ObjectType()
export class InsightsPolicyPractice {
  @Field(() => InsightsPractice) practice!: InsightsPractice;
  @Field(() => Int, { nullable: true, description: 'Null when nothing is published yet.' })
  versionNumber!: number | null;
  @Field(() => String, { nullable: true, description: 'yyyy-mm-dd' }) effectiveDate!: string | null;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  @Field(() => [String], {
    description:
      "Codes of the policy check's warnings on the published wording (e.g. WRITING_ONLY).",
  })
  warningCodes!: string[];
}

@ObjectType()
export class Ko41bBreakdownCount {
  @Field() key!: string;
  @Field() label!: string;
  @Field(() => InsightsCount) count!: InsightsCount;
}

@ObjectType()
export class Ko41bCheckResult {
  @Field({
    description:
      'age_sum, status_sum, carried_forward, outcomes_sum, subject_area_total, staff_group_total',
  })
  check!: string;
  @Field() passed!: boolean;
  @Field() description!: string;
}

@ObjectType({
  description:
    'The KO41(b) return (written complaints, 1 April – 31 March) of one practice or a whole ICB.',
})
export class Ko41bReturn {
  @Field(() => InsightsIcbRef) icb!: InsightsIcbRef;
  @Field(() => InsightsPractice, { nullable: true }) practice!: InsightsPractice | null;
  @Field() financialYear!: string;
  @Field(() => InsightsCount) broughtForward!: InsightsCount;
  @Field(() => InsightsCount) new!: InsightsCount;
  @Field(() => InsightsCount) upheld!: InsightsCount;
  @Field(() => InsightsCount) partiallyUpheld!: InsightsCount;
  @Field(() => InsightsCount) notUpheld!: InsightsCount;
  @Field(() => InsightsCount) resolved!: InsightsCount;
  @Field(() => InsightsCount) carriedForward!: InsightsCount;
  @Field(() => [Ko41bBreakdownCount], {
    description: 'Of new complaints, including "not recorded".',
  })
  byAge!: Ko41bBreakdownCount[];
  @Field(() => [Ko41bBreakdownCount], {
    description: 'Of new complaints, including "not recorded".',
  })
  byComplainantStatus!: Ko41bBreakdownCount[];
  @Field(() => [Ko41bBreakdownCount], {
    description: 'A complaint counts once under each area it concerns.',
  })
  bySubjectArea!: Ko41bBreakdownCount[];
  @Field(() => [Ko41bBreakdownCount], {
    description: 'A complaint counts once under each group it concerns.',
  })
  byStaffGroup!: Ko41bBreakdownCount[];
  @Field(() => [Ko41bCheckResult], {
    description:
      "The collection's arithmetic checks, judged on the true figures; no figure is disclosed.",
  })
  checks!: Ko41bCheckResult[];
  @Field() checksPassed!: boolean;
  @Field() suppressionNote!: string;
}
