import {
  allowedTransitions,
  type FeedbackKind,
  type FeedbackStatus,
  OPEN_FEEDBACK_STATUSES,
  Permission,
} from '@parley/shared/domain';

/**
 * Where an item may go next. Complaints follow the shared workflow step by step. A compliment or
 * suggestion runs no statutory procedure, so it may also be closed straight from any open status.
 */
export function nextStatuses(kind: FeedbackKind, status: FeedbackStatus): FeedbackStatus[] {
  const steps = [...allowedTransitions(status)];
  if (
    kind !== 'complaint' &&
    OPEN_FEEDBACK_STATUSES.includes(status) &&
    !steps.includes('closed')
  ) {
    steps.splice(steps.indexOf('withdrawn'), 0, 'closed');
  }
  return steps;
}

export function isFinal(status: FeedbackStatus): boolean {
  return !OPEN_FEEDBACK_STATUSES.includes(status);
}

/**
 * Who may take a step: staff acknowledge what they logged; investigating, responding, closing and
 * recording a withdrawal are the complaints manager's decisions.
 */
export function permissionToMoveTo(to: FeedbackStatus): Permission {
  return to === 'acknowledged' ? Permission.FeedbackLog : Permission.FeedbackManage;
}

const LABELS: Record<FeedbackStatus, string> = {
  received: 'received',
  acknowledged: 'acknowledged',
  investigating: 'under investigation',
  responded: 'responded to',
  closed: 'closed',
  withdrawn: 'withdrawn',
};

/** The sentence that explains a refused step, naming the steps that are possible. */
export function refusedTransitionMessage(
  kind: FeedbackKind,
  from: FeedbackStatus,
  to: FeedbackStatus,
): string {
  const what = kind === 'complaint' ? 'A complaint' : 'An item';
  const next = nextStatuses(kind, from);
  if (from === to) return `${what} that is ${LABELS[from]} is already there.`;
  if (next.length === 0)
    return `${what} that is ${LABELS[from]} is final and cannot move to ${to}.`;
  return `${what} that is ${LABELS[from]} cannot move to ${to}; next it can move to ${next.join(' or ')}.`;
}
