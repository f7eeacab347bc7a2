import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { hashPassword } from '@parley/api/auth';
import { Database, type ParleyConfig, type UnitOfWork } from '@parley/api/core';
import { DEMO_ICBS, DEMO_PEOPLE, DEMO_PRACTICES } from './demo-directory';
import { loadDemoEscalation } from './load-demo-escalation';
import { loadDemoFeedback } from './load-demo-feedback';
import { loadDemoPolicies } from './load-demo-policies';

/**
 * Loads the demo ICBs, practices and people the first time Parley starts on an empty database
 * (embedded mode by default; never in production). Later starts find them and do nothing.
 */
export async function loadDemoDataOnce(app: INestApplication, config: ParleyConfig): Promise<void> {
  if (!config.loadDemoData) return;
  const database = app.get(Database);
  const passwordHash = await hashPassword(config.demoPassword);
  const loaded = await database.run({ tenantPracticeId: null }, async (uow) => {
    const existing = await uow.query('SELECT 1 FROM icbs WHERE slug = $1', [DEMO_ICBS[0].slug]);
    if (existing.length > 0) return false;
    await loadDirectory(uow, passwordHash);
    return true;
  });
  if (!loaded) return;
  // Separate units of work through the services, after the directory has committed.
  await loadDemoPolicies(app);
  await loadDemoEscalation(app);
  await loadDemoFeedback(app);
  new Logger('DemoData').log(
    `Loaded ${DEMO_PRACTICES.length} demo practices with their policies and ${DEMO_PEOPLE.length} demo people`,
  );
}

async function loadDirectory(uow: UnitOfWork, passwordHash: string): Promise<void> {
  const icbIds = new Map<string, string>();
  for (const icb of DEMO_ICBS) {
    const [row] = await uow.query<{ id: string }>(
      'INSERT INTO icbs (name, slug) VALUES ($1, $2) RETURNING id',
      [icb.name, icb.slug],
    );
    icbIds.set(icb.slug, row.id);
  }
  const practiceIds = new Map<string, string>();
  for (const p of DEMO_PRACTICES) {
    const [row] = await uow.query<{ id: string }>(
      'INSERT INTO practices (name, slug, icb_id, list_size) VALUES ($1, $2, $3, $4) RETURNING id',
      [p.name, p.slug, icbIds.get(p.icb), p.listSize],
    );
    practiceIds.set(p.slug, row.id);
  }
  for (const person of DEMO_PEOPLE) {
    const [user] = await uow.query<{ id: string }>(
      'INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id',
      [person.email, person.name, passwordHash],
    );
    await uow.query(
      'INSERT INTO memberships (user_id, role, practice_id, icb_id) VALUES ($1, $2, $3, $4)',
      [
        user.id,
        person.role,
        person.practice ? practiceIds.get(person.practice) : null,
        person.icb ? icbIds.get(person.icb) : null,
      ],
    );
  }
}
