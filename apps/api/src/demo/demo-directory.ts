import type { Role } from '@parley/shared/domain';

/** The demo ICBs, practices and people (plainly fictional apart from the two customers). */
export const DEMO_ICBS = [
  { slug: 'cheshire-merseyside', name: 'NHS Cheshire and Merseyside ICB' },
  { slug: 'cambridgeshire-peterborough', name: 'NHS Cambridgeshire and Peterborough ICB' },
] as const;

export const DEMO_PRACTICES = [
  {
    slug: 'wilmslow-health-centre',
    name: 'Wilmslow Health Centre',
    icb: 'cheshire-merseyside',
    listSize: 14200,
  },
  {
    slug: 'demo-riverside-surgery',
    name: 'Riverside Surgery (demo)',
    icb: 'cheshire-merseyside',
    listSize: 8100,
  },
  {
    slug: 'demo-meadow-lane-practice',
    name: 'Meadow Lane Practice (demo)',
    icb: 'cheshire-merseyside',
    listSize: 11300,
  },
  {
    slug: 'demo-harbour-view-medical',
    name: 'Harbour View Medical Centre (demo)',
    icb: 'cheshire-merseyside',
    listSize: 6400,
  },
  {
    slug: 'trumpington-street',
    name: 'Trumpington Street Medical Practice',
    icb: 'cambridgeshire-peterborough',
    listSize: 9800,
  },
  {
    slug: 'demo-fenland-green-surgery',
    name: 'Fenland Green Surgery (demo)',
    icb: 'cambridgeshire-peterborough',
    listSize: 7200,
  },
  {
    slug: 'demo-cathedral-road-practice',
    name: 'Cathedral Road Practice (demo)',
    icb: 'cambridgeshire-peterborough',
    listSize: 12900,
  },
  {
    slug: 'demo-willow-bank-health',
    name: 'Willow Bank Health (demo)',
    icb: 'cambridgeshire-peterborough',
    listSize: 5600,
  },
] as const;

export const DEMO_PEOPLE: readonly {
  email: string;
  name: string;
  role: Role;
  practice?: string;
  icb?: string;
}[] = [
  {
    email: 'manager@wilmslow.demo',
    name: 'Wendy Manager',
    role: 'practice_manager',
    practice: 'wilmslow-health-centre',
  },
  {
    email: 'staff@wilmslow.demo',
    name: 'Sam Reception',
    role: 'practice_staff',
    practice: 'wilmslow-health-centre',
  },
  {
    email: 'manager@trumpington.demo',
    name: 'Tom Manager',
    role: 'practice_manager',
    practice: 'trumpington-street',
  },
  {
    email: 'staff@trumpington.demo',
    name: 'Tara Reception',
    role: 'practice_staff',
    practice: 'trumpington-street',
  },
  {
    email: 'auditor@cheshire-merseyside.demo',
    name: 'Chris Auditor',
    role: 'icb_auditor',
    icb: 'cheshire-merseyside',
  },
  {
    email: 'auditor@cambridgeshire-peterborough.demo',
    name: 'Cam Auditor',
    role: 'icb_auditor',
    icb: 'cambridgeshire-peterborough',
  },
  { email: 'admin@parley.demo', name: 'Pat Admin', role: 'platform_admin' },
];
