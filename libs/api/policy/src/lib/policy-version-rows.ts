import type { UnitOfWork } from '@parley/api/core';
import type {
  PolicyDocument as StoredDocument,
  PolicyWarning as CheckWarning,
} from '@parley/shared/policy-render';
import type { ComposedPolicy } from './policy-composer';
import type { PolicyStatus, PolicyVersion, PublicChannel } from './policy.types';

export interface PolicyVersionRow {
  id: string;
  version_number: number;
  status: PolicyStatus;
  document: StoredDocument;
  effective_date: string;
  warnings: CheckWarning[];
  based_on_version_number: number | null;
  created_at: Date;
  created_by_name: string | null;
  updated_at: Date;
  updated_by_name: string | null;
  published_at: Date | null;
  published_by_name: string | null;
  superseded_at: Date | null;
  title: string | null;
  html: string | null;
  text: string | null;
  channels: PublicChannel[] | null;
  practice_name: string | null;
}

const SELECT_VERSION = `
  SELECT v.id, v.version_number, v.status, v.document, to_char(v.effective_date, 'YYYY-MM-DD') AS effective_date,
         v.warnings, b.version_number AS based_on_version_number,
         v.created_at, cu.name AS created_by_name, v.updated_at, uu.name AS updated_by_name,
         v.published_at, pu.name AS published_by_name, v.superseded_at,
         v.title, v.html, v.text, v.channels, v.practice_name
    FROM policy_versions v
    LEFT JOIN policy_versions b ON b.practice_id = v.practice_id AND b.id = v.based_on_id
    LEFT JOIN users cu ON cu.id = v.created_by
    LEFT JOIN users uu ON uu.id = v.updated_by
    LEFT JOIN users pu ON pu.id = v.published_by`;

/** Versions of the unit of work's practice matching `where` (over alias v; $1 is the practice). */
export function selectVersions(
  uow: UnitOfWork,
  where: string,
  params: unknown[] = [],
): Promise<PolicyVersionRow[]> {
  return uow.query<PolicyVersionRow>(
    `${SELECT_VERSION} WHERE v.practice_id = $1 AND ${where} ORDER BY v.version_number DESC`,
    [uow.practiceId, ...params],
  );
}

export async function selectVersion(
  uow: UnitOfWork,
  id: string,
): Promise<PolicyVersionRow | undefined> {
  return (await selectVersions(uow, 'v.id = $2', [id]))[0];
}

export async function selectDraft(uow: UnitOfWork): Promise<PolicyVersionRow | undefined> {
  return (await selectVersions(uow, `v.status = 'draft'`))[0];
}

export async function selectPublished(uow: UnitOfWork): Promise<PolicyVersionRow | undefined> {
  return (await selectVersions(uow, `v.status = 'published'`))[0];
}

/**
 * A version for GraphQL. Published and superseded versions show their frozen snapshot; a draft
 * shows `live`, its rendering with the practice's current channels.
 */
export function toPolicyVersion(row: PolicyVersionRow, live?: ComposedPolicy): PolicyVersion {
  const frozen = row.status !== 'draft';
  if (!frozen && !live) throw new Error('A draft needs its live rendering');
  const view = frozen
    ? {
        title: row.title ?? '',
        html: row.html ?? '',
        text: row.text ?? '',
        warnings: row.warnings,
        channels: row.channels ?? [],
      }
    : (live as ComposedPolicy);
  return {
    id: row.id,
    versionNumber: row.version_number,
    status: row.status,
    document: row.document,
    effectiveDate: row.effective_date,
    title: view.title,
    html: view.html,
    text: view.text,
    warnings: view.warnings,
    channels: view.channels,
    basedOnVersionNumber: row.based_on_version_number,
    createdAt: new Date(row.created_at),
    createdByName: row.created_by_name,
    updatedAt: new Date(row.updated_at),
    updatedByName: row.updated_by_name,
    publishedAt: row.published_at ? new Date(row.published_at) : null,
    publishedByName: row.published_by_name,
    supersededAt: row.superseded_at ? new Date(row.superseded_at) : null,
  };
}
