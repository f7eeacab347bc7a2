import type { IsoDate } from '@parley/shared/domain';
import type { Alert, AlertKind, AlertSubjectType } from './alert.types';

export interface AlertRow {
  id: string;
  kind: AlertKind;
  subject: string;
  subject_type: AlertSubjectType;
  subject_id: string | null;
  due_on: IsoDate | null;
  raised_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by_name: string | null;
}

/** Columns of `alerts a` (joined to `users u` for the acknowledger's name). */
export const ALERT_COLUMNS = `a.id, a.kind, a.subject, a.subject_type, a.subject_id, to_char(a.due_on, 'YYYY-MM-DD') AS due_on,
  a.raised_at, a.acknowledged_at, u.name AS acknowledged_by_name`;

export const ALERT_FROM = 'alerts a LEFT JOIN users u ON u.id = a.acknowledged_by';

export function toAlert(row: AlertRow): Alert {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    due: row.due_on,
    raisedAt: new Date(row.raised_at),
    acknowledgedAt: row.acknowledged_at ? new Date(row.acknowledged_at) : null,
    acknowledgedBy: row.acknowledged_by_name,
  };
}
