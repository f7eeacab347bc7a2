import { Permission } from '@parley/shared/domain';
import { ADMIN_AREA_LIST, ADMIN_AREAS, visibleAreas } from './areas';

/** What the API answers itself (apps/api serve-console.ts): a console page there could not be reloaded. */
const API_PREFIXES = ['/graphql', '/health', '/public', '/p/', '/embed'];

describe('admin areas', () => {
  it('live at paths the API leaves to the console', () => {
    for (const area of ADMIN_AREA_LIST) {
      expect(
        API_PREFIXES.filter((prefix) => area.path === prefix || area.path.startsWith(prefix)),
      ).toEqual([]);
    }
  });

  it('are unique by key and path', () => {
    expect(new Set(ADMIN_AREA_LIST.map((a) => a.key)).size).toBe(ADMIN_AREA_LIST.length);
    expect(new Set(ADMIN_AREA_LIST.map((a) => a.path)).size).toBe(ADMIN_AREA_LIST.length);
  });

  it('are filtered by a permission check', () => {
    const staffLike = new Set<Permission>([Permission.Authenticated, Permission.PeopleRead]);
    expect(visibleAreas((p) => staffLike.has(p))).toEqual([ADMIN_AREAS.home, ADMIN_AREAS.people]);
  });
});
