#!/usr/bin/env node
// Imports a practice's complaints log from a CSV file through Parley's GraphQL API, showing the
// upload's progress. All rows or none: when any row has a problem, every problem is listed and
// nothing is stored. See `--help` and the README section "Importing a complaints log".
import { readFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import { parse } from 'csv-parse/sync';
import {
  accessToken,
  describeResult,
  IMPORT_MUTATION,
  parseArgs,
  postGraphql,
  USAGE,
  UsageError,
} from './import-client.mjs';

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) process.stderr.write(`${error.message}\n\n`);
    process.stderr.write(`${USAGE}\n`);
    return error.message ? 2 : 0;
  }

  const csv = await readFile(options.file, 'utf8');
  let rows = null;
  try {
    rows = Math.max(
      0,
      parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: true }).length - 1,
    );
  } catch {
    // The server reports malformed CSV with the row it stopped at.
  }
  process.stdout.write(
    `Importing ${rows ?? 'the'} row${rows === 1 ? '' : 's'} of ${options.file} into ${options.url}\n`,
  );

  const token = await accessToken(options.url, process.env);
  const bar = new cliProgress.SingleBar(
    {
      format: 'Uploading |{bar}| {percentage}% {value}/{total} kB',
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const answer = await postGraphql(
    options.url,
    { query: IMPORT_MUTATION, variables: { csv } },
    {
      token,
      practice: options.practice,
      onProgress: (sent, total) => {
        const kb = (n) => Math.ceil(n / 1024);
        if (!started) {
          bar.start(kb(total), 0);
          started = true;
        }
        bar.update(kb(sent));
        if (sent === total) {
          bar.stop();
          process.stdout.write('Checking every row and importing…\n');
        }
      },
    },
  );
  const { code, lines } = describeResult(answer);
  (code === 0 ? process.stdout : process.stderr).write(`${lines.join('\n')}\n`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(
      `Import failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(2);
  },
);
