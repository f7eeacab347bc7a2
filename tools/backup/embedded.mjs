#!/usr/bin/env node
// Backup and restore of the embedded (PGlite) database. Stop Parley first: PGlite is one
// process's single session.
//   node tools/backup/embedded.mjs backup  [dataDir=.parley-data] [file=parley-embedded.tar.gz]
//   node tools/backup/embedded.mjs restore <file> <new empty dataDir>
import { PGlite } from '@electric-sql/pglite';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [command, a, b] = process.argv.slice(2);

async function backup(dataDir = '.parley-data', file = 'parley-embedded.tar.gz') {
  if (!existsSync(join(dataDir, 'PG_VERSION')))
    throw new Error(`${resolve(dataDir)} holds no embedded database`);
  const db = await PGlite.create({ dataDir });
  try {
    const dump = await db.dumpDataDir('gzip');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await db.close();
  }
  // The generated development JWT secret lives beside the data; keep sign-ins valid after restore.
  if (existsSync(join(dataDir, 'jwt-secret')))
    copyFileSync(join(dataDir, 'jwt-secret'), `${file}.jwt-secret`);
  console.log(`Backed up ${resolve(dataDir)} to ${resolve(file)}`);
}

async function restore(file, dataDir) {
  if (!file || !dataDir) throw new Error('usage: restore <file> <new empty dataDir>');
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
    throw new Error(`${resolve(dataDir)} is not empty; restore into a new folder`);
  const blob = new Blob([readFileSync(file)]);
  const db = await PGlite.create({ dataDir, loadDataDir: blob });
  try {
    await db.query('SELECT 1');
  } finally {
    await db.close();
  }
  if (existsSync(`${file}.jwt-secret`))
    copyFileSync(`${file}.jwt-secret`, join(dataDir, 'jwt-secret'));
  console.log(
    `Restored ${resolve(file)} into ${resolve(dataDir)}; start Parley with PARLEY_DATA_DIR=${dataDir}`,
  );
}

try {
  if (command === 'backup') await backup(a, b);
  else if (command === 'restore') await restore(a, b);
  else throw new Error('usage: embedded.mjs backup [dataDir] [file] | restore <file> <dataDir>');
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
