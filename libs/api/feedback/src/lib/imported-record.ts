import type { FeedbackKind, FeedbackStatus, IsoDate } from '@parley/shared/domain';
import { isAfter, isBefore } from './calendar';
import type { Column, Problem } from './csv-columns';
import type { StatusStep } from './feedback-writer';
import { isFinal } from './workflow-rules';

export interface StatusFacts {
  kind: FeedbackKind;
  status: FeedbackStatus;
  receivedOn: IsoDate;
  acknowledgedOn: IsoDate | null;
  respondedOn: IsoDate | null;
  closedOn: IsoDate | null;
  outcome: string | null;
  phsoInformed: boolean;
  today: IsoDate;
}

/** The record must be one the workflow could have produced: dates in order, for the status reached. */
export function statusProblems(f: StatusFacts): Problem[] {
  const problems: Problem[] = [];
  const order: FeedbackStatus[] = [
    'received',
    'acknowledged',
    'investigating',
    'responded',
    'closed',
  ];
  const reached = (step: FeedbackStatus) =>
    f.status !== 'withdrawn' && order.indexOf(f.status) >= order.indexOf(step);
  const complaint = f.kind === 'complaint';
  const dates: [Column, IsoDate | null, boolean][] = [
    ['acknowledged_on', f.acknowledgedOn, complaint && reached('acknowledged')],
    ['responded_on', f.respondedOn, complaint && reached('responded')],
    ['closed_on', f.closedOn, isFinal(f.status)],
  ];
  let previous = f.receivedOn;
  for (const [column, value, needed] of dates) {
    if (needed && !value)
      problems.push({
        field: column,
        message: `${column} is required for ${complaint ? 'a complaint' : 'an item'} that is ${f.status}.`,
      });
    if (!value) continue;
    if (
      column === 'closed_on'
        ? !isFinal(f.status)
        : f.status !== 'withdrawn' &&
          !reached(column === 'acknowledged_on' ? 'acknowledged' : 'responded')
    ) {
      problems.push({
        field: column,
        message: `${column} is given but the status is ${f.status}.`,
      });
    }
    if (isAfter(value, f.today))
      problems.push({ field: column, message: `${column} is in the future.` });
    if (isBefore(value, previous))
      problems.push({
        field: column,
        message: `${column} is before the step before it (${previous}).`,
      });
    previous = value;
  }
  if (f.outcome && !(complaint && f.status === 'closed'))
    problems.push({
      field: 'outcome',
      message: 'outcome is recorded only for a closed complaint.',
    });
  if (complaint && f.status === 'closed' && !f.outcome)
    problems.push({
      field: 'outcome',
      message:
        'outcome is required for a closed complaint: upheld, partially_upheld or not_upheld.',
    });
  if (complaint && reached('responded') && !f.phsoInformed) {
    problems.push({
      field: 'phso_informed',
      message:
        'phso_informed must be yes: the final response tells the complainant of their right to go to the Ombudsman.',
    });
  }
  if (!complaint && f.phsoInformed)
    problems.push({
      field: 'phso_informed',
      message: 'phso_informed is recorded for complaints only.',
    });
  return problems;
}

/**
 * The history an imported item gets, each step marked as imported: a complaint passes through
 * every step up to its status; otherwise only the steps whose dates are given, then the last.
 */
export function importedSteps(
  kind: FeedbackKind,
  status: FeedbackStatus,
  receivedOn: IsoDate,
  ack: IsoDate | null,
  responded: IsoDate | null,
  closed: IsoDate | null,
): StatusStep[] {
  if (status === 'received') return [];
  const path: [FeedbackStatus, IsoDate | null][] = [
    ['acknowledged', ack],
    ['investigating', ack],
    ['responded', responded],
    [status === 'withdrawn' ? 'withdrawn' : 'closed', closed],
  ];
  const target = status === 'withdrawn' ? path.length - 1 : path.findIndex(([to]) => to === status);
  const everyStep = kind === 'complaint' && status !== 'withdrawn';
  const steps: StatusStep[] = [];
  let from: FeedbackStatus = 'received';
  let on = receivedOn;
  path.forEach(([to, day], i) => {
    const include =
      i === target || (i < target && (everyStep || (day !== null && to !== 'investigating')));
    if (!include) return;
    on = day ?? on;
    steps.push({ from, to, effectiveOn: on, note: 'Imported from a spreadsheet.' });
    from = to;
  });
  return steps;
}
