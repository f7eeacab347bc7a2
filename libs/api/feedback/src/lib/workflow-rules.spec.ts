import { Permission } from '@parley/shared/domain';
import { nextStatuses, permissionToMoveTo, refusedTransitionMessage } from './workflow-rules';

describe('workflow rules', () => {
  it('complaints go step by step; other feedback may also close from any open status', () => {
    expect(nextStatuses('complaint', 'received')).toEqual(['acknowledged', 'withdrawn']);
    expect(nextStatuses('complaint', 'responded')).toEqual(['closed', 'withdrawn']);
    expect(nextStatuses('compliment', 'received')).toEqual(['acknowledged', 'closed', 'withdrawn']);
    expect(nextStatuses('suggestion', 'closed')).toEqual([]);
  });

  it('staff acknowledge; every other step is a manager decision', () => {
    expect(permissionToMoveTo('acknowledged')).toBe(Permission.FeedbackLog);
    for (const to of ['investigating', 'responded', 'closed', 'withdrawn'] as const)
      expect(permissionToMoveTo(to)).toBe(Permission.FeedbackManage);
  });

  it('explains a refused step with what is possible', () => {
    expect(refusedTransitionMessage('complaint', 'acknowledged', 'closed')).toBe(
      'A complaint that is acknowledged cannot move to closed; next it can move to investigating or withdrawn.',
    );
    expect(refusedTransitionMessage('complaint', 'closed', 'received')).toBe(
      'A complaint that is closed is final and cannot move to received.',
    );
  });
});
