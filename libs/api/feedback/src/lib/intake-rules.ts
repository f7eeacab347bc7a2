import {
  complaintClocks,
  type FeedbackKind,
  type FieldError,
  type IsoDate,
} from '@parley/shared/domain';
import { EARLIEST_DAY, isAfter, isBefore } from './calendar';

export interface IntakeFacts {
  kind: FeedbackKind;
  receivedOn: IsoDate;
  eventOn: IsoDate | null;
  awareOn: IsoDate | null;
  hasCoding: boolean;
  timeLimitWaivedBecause: string | null;
  /** The practice's time limit: 12 months by law, or longer if it is more generous. */
  timeLimitMonths: number;
}

/**
 * What must hold when an item is logged (from the console, a CSV row or a later triage): dates in
 * order and not in the future, complaint-only details only on complaints, and a time-limit waiver
 * only where the limit was missed. Field names are the GraphQL ones.
 */
export function intakeProblems(facts: IntakeFacts, today: IsoDate): FieldError[] {
  const problems: FieldError[] = [];
  const { kind, receivedOn, eventOn, awareOn } = facts;
  if (isAfter(receivedOn, today))
    problems.push({ field: 'receivedAt', message: 'receivedAt is in the future.' });
  if (isBefore(receivedOn, EARLIEST_DAY))
    problems.push({ field: 'receivedAt', message: `receivedAt is before ${EARLIEST_DAY}.` });

  if (kind !== 'complaint') {
    const notForOthers = (field: string, what: string) =>
      problems.push({
        field,
        message: `${what} is recorded for complaints only; this item is a ${kind}.`,
      });
    if (facts.hasCoding) notForOthers('coding', 'KO41(b) coding');
    if (eventOn) notForOthers('eventOn', 'The event date');
    if (awareOn) notForOthers('awareOn', 'The date of becoming aware');
    if (facts.timeLimitWaivedBecause) notForOthers('timeLimitWaivedBecause', 'A time-limit waiver');
    return problems;
  }
  if (eventOn && isAfter(eventOn, receivedOn))
    problems.push({ field: 'eventOn', message: 'eventOn is after the complaint was received.' });
  if (awareOn && isAfter(awareOn, receivedOn))
    problems.push({ field: 'awareOn', message: 'awareOn is after the complaint was received.' });
  if (eventOn && awareOn && isBefore(awareOn, eventOn)) {
    problems.push({
      field: 'awareOn',
      message: 'awareOn is before eventOn: nobody becomes aware of something before it happens.',
    });
  }
  if (
    facts.timeLimitWaivedBecause &&
    (eventOn || awareOn) &&
    problems.length === 0 &&
    withinTimeLimit(facts) !== false
  ) {
    problems.push({
      field: 'timeLimitWaivedBecause',
      message: `The complaint was made within the ${facts.timeLimitMonths}-month time limit, so there is nothing to waive.`,
    });
  }
  if (facts.timeLimitWaivedBecause && !eventOn && !awareOn) {
    problems.push({
      field: 'timeLimitWaivedBecause',
      message: 'Record eventOn or awareOn: the time limit runs from them.',
    });
  }
  return problems;
}

/** The time-limit check of the shared clocks: undefined when neither date is known. */
export function withinTimeLimit(
  facts: Pick<IntakeFacts, 'receivedOn' | 'eventOn' | 'awareOn' | 'timeLimitMonths'>,
): boolean | undefined {
  return complaintClocks({
    receivedOn: facts.receivedOn,
    eventOn: facts.eventOn ?? undefined,
    awareOn: facts.awareOn ?? undefined,
    timeLimitMonths: facts.timeLimitMonths,
    holidays: [],
    today: facts.receivedOn,
  }).timeLimit?.withinLimit;
}
