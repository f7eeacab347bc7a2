import { Injectable } from '@nestjs/common';
import { AuditService } from '@parley/api/audit';
import {
  ConflictError,
  Database,
  InputError,
  isUniqueViolation,
  NotFoundError,
  type RequestContext,
} from '@parley/api/core';
import { IcbEntity, PracticeEntity } from './practice.entities';
import type { CreateIcbInput, CreatePracticeInput, Icb, Practice } from './practices.types';

/** ICBs and practices: the platform's directory, managed by platform admins. */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
  ) {}

  listIcbs(ctx: RequestContext): Promise<Icb[]> {
    return this.database.run(ctx, (uow) =>
      uow.query<Icb>(
        `SELECT i.id, i.name, i.slug, count(p.id)::int AS "practiceCount"
           FROM icbs i LEFT JOIN practices p ON p.icb_id = i.id
          GROUP BY i.id ORDER BY i.name`,
      ),
    );
  }

  async listPractices(ctx: RequestContext, icbId?: string | null): Promise<Practice[]> {
    const rows = await this.database.run(ctx, (uow) =>
      uow.query<PracticeRow>(
        `${PRACTICE_SELECT} WHERE ($1::uuid IS NULL OR p.icb_id = $1::uuid) ORDER BY p.name`,
        [icbId ?? null],
      ),
    );
    return rows.map(toPractice);
  }

  async createIcb(ctx: RequestContext, input: CreateIcbInput): Promise<Icb> {
    try {
      return await this.database.run(ctx, async (uow) => {
        const icb = await uow
          .repo(IcbEntity)
          .save(uow.repo(IcbEntity).create({ name: input.name.trim(), slug: input.slug }));
        await this.audit.platform(ctx, uow, {
          action: 'icb.created',
          entityType: 'icb',
          entityId: icb.id,
          details: { slug: icb.slug },
        });
        return { id: icb.id, name: icb.name, slug: icb.slug, practiceCount: 0 };
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError(`An ICB with the slug "${input.slug}" already exists.`, 'slug');
      throw error;
    }
  }

  async createPractice(ctx: RequestContext, input: CreatePracticeInput): Promise<Practice> {
    try {
      return await this.database.run(ctx, async (uow) => {
        const icb = await uow.repo(IcbEntity).findOneBy({ id: input.icbId });
        if (!icb) throw new InputError('icbId does not name an ICB.', 'icbId');
        const repo = uow.repo(PracticeEntity);
        const practice = await repo.save(
          repo.create({
            name: input.name.trim(),
            slug: input.slug,
            icbId: icb.id,
            listSize: input.listSize,
            odsCode: input.odsCode ?? null,
          }),
        );
        await this.audit.platform(ctx, uow, {
          action: 'practice.created',
          entityType: 'practice',
          entityId: practice.id,
          details: { slug: practice.slug, icbId: icb.id },
        });
        return {
          ...toPracticeFields(practice),
          icb: { id: icb.id, name: icb.name, slug: icb.slug },
        };
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        const field = String(
          (error as { driverError?: { constraint?: string } }).driverError?.constraint ?? '',
        ).includes('ods')
          ? 'odsCode'
          : 'slug';
        throw new ConflictError(
          `A practice with this ${field === 'slug' ? 'slug' : 'ODS code'} already exists.`,
          field,
        );
      }
      throw error;
    }
  }

  /** The practice behind a public slug, or a not-found. */
  async practiceBySlug(ctx: RequestContext, slug: string): Promise<Practice> {
    const rows = await this.database.run(ctx, (uow) =>
      uow.query<PracticeRow>(`${PRACTICE_SELECT} WHERE p.slug = $1`, [slug]),
    );
    if (rows.length === 0) throw new NotFoundError('The practice');
    return toPractice(rows[0]);
  }
}

const PRACTICE_SELECT = `
  SELECT p.id, p.name, p.slug, p.list_size, p.ods_code, i.id AS icb_id, i.name AS icb_name, i.slug AS icb_slug
    FROM practices p JOIN icbs i ON i.id = p.icb_id`;

interface PracticeRow {
  id: string;
  name: string;
  slug: string;
  list_size: number;
  ods_code: string | null;
  icb_id: string;
  icb_name: string;
  icb_slug: string;
}

function toPractice(row: PracticeRow): Practice {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    listSize: row.list_size,
    odsCode: row.ods_code,
    icb: { id: row.icb_id, name: row.icb_name, slug: row.icb_slug },
  };
}

function toPracticeFields(p: PracticeEntity): Omit<Practice, 'icb'> {
  return { id: p.id, name: p.name, slug: p.slug, listSize: p.listSize, odsCode: p.odsCode };
}
