import { Permission, roleGrants } from './permissions';
import { Role } from './roles';

describe('role permissions', () => {
  it('lets managers publish policy but not staff', () => {
    expect(roleGrants(Role.PracticeManager, Permission.PolicyPublish)).toBe(true);
    expect(roleGrants(Role.PracticeStaff, Permission.PolicyPublish)).toBe(false);
  });

  it('gives auditors insights and nothing of a practice', () => {
    expect(roleGrants(Role.IcbAuditor, Permission.InsightsRead)).toBe(true);
    expect(roleGrants(Role.IcbAuditor, Permission.FeedbackRead)).toBe(false);
    expect(roleGrants(Role.IcbAuditor, Permission.PolicyRead)).toBe(false);
  });

  it('gives every role the signed-in permission', () => {
    for (const role of Object.values(Role)) {
      expect(roleGrants(role, Permission.Authenticated)).toBe(true);
    }
  });
});
