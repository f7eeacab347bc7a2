import type { Ko41bReturnQuery } from '../generated/graphql';
import { type Shown, shownCount } from './format';

type Ko41b = Ko41bReturnQuery['ko41bReturn'];

export interface Ko41bLine {
  key: string;
  label: string;
  count: Shown;
}

/** The return's headline figures, in the collection's order. */
export function ko41bTotals(r: Ko41b): Ko41bLine[] {
  const line = (key: string, label: string, count: Ko41b['new']): Ko41bLine => ({
    key,
    label,
    count: shownCount(count),
  });
  return [
    line('broughtForward', 'Brought forward from the previous year', r.broughtForward),
    line('new', 'New complaints received', r.new),
    line('upheld', 'Resolved: upheld', r.upheld),
    line('partiallyUpheld', 'Resolved: partially upheld', r.partiallyUpheld),
    line('notUpheld', 'Resolved: not upheld', r.notUpheld),
    line('resolved', 'Resolved in the year', r.resolved),
    line('carriedForward', 'Carried forward to the next year', r.carriedForward),
  ];
}

export interface Ko41bBreakdown {
  key: string;
  title: string;
  rowHeading: string;
  note: string;
  lines: Ko41bLine[];
}

/** The breakdowns of new complaints, each a two-column table. */
export function ko41bBreakdowns(r: Ko41b): Ko41bBreakdown[] {
  const lines = (rows: Ko41b['byAge']): Ko41bLine[] =>
    rows.map((row) => ({ key: row.key, label: row.label, count: shownCount(row.count) }));
  return [
    {
      key: 'age',
      title: 'New complaints by age of patient',
      rowHeading: 'Age',
      note: 'Including complaints where the age was not recorded.',
      lines: lines(r.byAge),
    },
    {
      key: 'status',
      title: 'New complaints by status of complainant',
      rowHeading: 'Complainant',
      note: 'Including complaints where the status was not recorded.',
      lines: lines(r.byComplainantStatus),
    },
    {
      key: 'subject',
      title: 'New complaints by subject area',
      rowHeading: 'Subject area',
      note: 'A complaint counts once under each area it concerns.',
      lines: lines(r.bySubjectArea),
    },
    {
      key: 'staff',
      title: 'New complaints by staff group',
      rowHeading: 'Staff group',
      note: 'A complaint counts once under each group it concerns.',
      lines: lines(r.byStaffGroup),
    },
  ];
}
