import { Permission } from '@parley/shared/domain';

/**
 * One area of the console: a side-navigation entry, a home-page card and a route, with the
 * permission needed to see it. (Kept here, free of UI imports, so the route table can use it
 * without pulling components into the first download. Icons are named by `key`.)
 */
export interface AdminArea {
  key: AdminAreaKey;
  /** The console URL, e.g. `/people`. */
  path: string;
  label: string;
  /** One sentence on what the area is for. */
  description: string;
  permission: Permission;
}

export type AdminAreaKey =
  | 'home'
  | 'policy'
  | 'channels'
  | 'feedback'
  | 'incidents'
  | 'escalation'
  | 'retention'
  | 'insights'
  | 'people'
  | 'embed'
  | 'onboarding';

function area<K extends AdminAreaKey>(
  key: K,
  label: string,
  permission: Permission,
  description: string,
  path = key === 'home' ? '/' : `/${key}`,
): AdminArea & { key: K } {
  return { key, path, label, description, permission };
}

/** Every area, in navigation order. */
export const ADMIN_AREAS = {
  home: area('home', 'Home', Permission.Authenticated, 'Where to start.'),
  policy: area(
    'policy',
    'Policy',
    Permission.PolicyRead,
    'Write, review and publish the practice’s social media policy.',
  ),
  channels: area(
    'channels',
    'Channels',
    Permission.ChannelsRead,
    'The ways patients can give feedback, and who looks after each.',
  ),
  feedback: area(
    'feedback',
    'Feedback',
    Permission.FeedbackRead,
    'Log patient feedback and complaints and follow them to a response.',
  ),
  incidents: area(
    'incidents',
    'Incidents',
    Permission.IncidentsRead,
    'Record social media incidents and what was done about them.',
  ),
  escalation: area(
    'escalation',
    'Escalation',
    Permission.EscalationRead,
    'The ladder for offensive posts, the removal rules, the complaint clocks and the volume alert.',
  ),
  retention: area(
    'retention',
    'Retention',
    Permission.FeedbackManage,
    'How long closed complaint records are kept, and a decision on each once that time has run.',
  ),
  insights: area(
    'insights',
    'Insights',
    Permission.InsightsRead,
    'Feedback trends across the practices of an ICB, with small numbers suppressed.',
  ),
  people: area(
    'people',
    'People',
    Permission.PeopleRead,
    'Who can use Parley for this practice, and in which role.',
  ),
  // Not /embed: the API serves /embed.js and /embed/* and answers every path that starts so.
  embed: area(
    'embed',
    'Embed',
    Permission.PolicyPublish,
    'Show the published policy and feedback form on the practice website.',
    '/website',
  ),
  onboarding: area(
    'onboarding',
    'Onboarding',
    Permission.PlatformManage,
    'Set up ICBs and practices and invite their first managers.',
  ),
} as const satisfies { [K in AdminAreaKey]: AdminArea & { key: K } };

export const ADMIN_AREA_LIST: readonly AdminArea[] = Object.values(ADMIN_AREAS);

/** The areas a person may see, given a permission check (e.g. `SessionStore.can`). */
export function visibleAreas(can: (permission: Permission) => boolean): AdminArea[] {
  return ADMIN_AREA_LIST.filter((a) => can(a.permission));
}
