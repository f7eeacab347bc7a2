// The pieces of the complaints-import command, kept apart from the command line so they can be
// reused and tested: argument parsing, signing in, the upload with progress, and the report.
import http from 'node:http';
import https from 'node:https';

export const IMPORT_MUTATION = `mutation ImportComplaintsCsv($csv: String!) {
  importComplaintsCsv(csv: $csv) { rows imported problems { row field message } }
}`;
const LOGIN_MUTATION = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`;

export const USAGE = `Usage: node tools/import-complaints/import.mjs <file.csv> [--url <Parley URL>] [--practice <practice id>]

Imports a complaints log (CSV, header row first) into one practice, all rows or none.
  --url        Parley's address (default: $PARLEY_URL or http://localhost:3000)
  --practice   the practice id, for someone who manages several (default: $PARLEY_PRACTICE)
Sign in with $PARLEY_TOKEN (an access token of a practice manager), or with
$PARLEY_EMAIL and $PARLEY_PASSWORD.`;

export class UsageError extends Error {}

/** Reads the command line and the environment; throws UsageError with what is missing. */
export function parseArgs(argv, env) {
  const options = {
    file: null,
    url: env.PARLEY_URL || 'http://localhost:3000',
    practice: env.PARLEY_PRACTICE || null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') throw new UsageError('');
    if (arg === '--url' || arg === '--practice') {
      const value = argv[++i];
      if (!value) throw new UsageError(`${arg} needs a value.`);
      options[arg.slice(2)] = value;
    } else if (arg.startsWith('--')) {
      throw new UsageError(`Unknown option ${arg}.`);
    } else if (options.file) {
      throw new UsageError('Give one CSV file.');
    } else {
      options.file = arg;
    }
  }
  if (!options.file) throw new UsageError('Give the CSV file to import.');
  if (!env.PARLEY_TOKEN && !(env.PARLEY_EMAIL && env.PARLEY_PASSWORD)) {
    throw new UsageError(
      'Set PARLEY_TOKEN, or PARLEY_EMAIL and PARLEY_PASSWORD, to sign in as a practice manager.',
    );
  }
  try {
    options.url = new URL(options.url).toString().replace(/\/+$/, '');
  } catch {
    throw new UsageError(`--url is not a web address: ${options.url}`);
  }
  return options;
}

/**
 * POSTs a GraphQL operation, writing the body in chunks so that `onProgress(sent, total)` can
 * follow a large upload. Resolves with the HTTP status and the parsed JSON (or null).
 */
export function postGraphql(url, { query, variables }, { token, practice, onProgress } = {}) {
  const body = Buffer.from(JSON.stringify({ query, variables }), 'utf8');
  const target = new URL('/graphql', url);
  const client = target.protocol === 'https:' ? https : http;
  const headers = {
    'content-type': 'application/json',
    'content-length': body.length,
    accept: 'application/json',
  };
  if (token) headers.authorization = `Bearer ${token}`;
  if (practice) headers['x-parley-practice'] = practice;
  return new Promise((resolve, reject) => {
    const request = client.request(target, { method: 'POST', headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json = null;
        try {
          json = JSON.parse(text);
        } catch {
          // not JSON (a proxy's error page): the status says enough
        }
        resolve({ status: response.statusCode ?? 0, json });
      });
    });
    request.on('error', reject);
    const CHUNK = 64 * 1024;
    let sent = 0;
    const writeNext = () => {
      while (sent < body.length) {
        const piece = body.subarray(sent, sent + CHUNK);
        sent += piece.length;
        onProgress?.(sent, body.length);
        if (!request.write(piece)) {
          request.once('drain', writeNext);
          return;
        }
      }
      request.end();
    };
    writeNext();
  });
}

/** An access token: the given one, or one from signing in. */
export async function accessToken(url, env) {
  if (env.PARLEY_TOKEN) return env.PARLEY_TOKEN;
  const { status, json } = await postGraphql(url, {
    query: LOGIN_MUTATION,
    variables: { email: env.PARLEY_EMAIL, password: env.PARLEY_PASSWORD },
  });
  const token = json?.data?.login?.accessToken;
  if (!token)
    throw new Error(
      `Signing in failed (HTTP ${status}): ${json?.errors?.[0]?.message ?? 'no answer'}`,
    );
  return token;
}

/** What to print for the server's answer, and the exit code: 0 imported, 1 rows refused, 2 failed. */
export function describeResult({ status, json }) {
  if (status === 413) {
    return {
      code: 2,
      lines: [
        'The file is larger than the server accepts in one request (HTTP 413). Ask your administrator to raise the limit, or split the file.',
      ],
    };
  }
  const error = json?.errors?.[0];
  if (error) {
    const field = error.extensions?.field ? ` (${error.extensions.field})` : '';
    return {
      code: 2,
      lines: [
        `The import was refused: ${error.message}${field} [${error.extensions?.code ?? `HTTP ${status}`}]`,
      ],
    };
  }
  const result = json?.data?.importComplaintsCsv;
  if (!result) return { code: 2, lines: [`Unexpected answer from the server (HTTP ${status}).`] };
  if (result.problems.length === 0)
    return { code: 0, lines: [`Imported ${result.imported} of ${result.rows} rows.`] };
  const width = Math.max(...result.problems.map((p) => String(p.row).length), 3);
  return {
    code: 1,
    lines: [
      `Nothing was imported: ${result.problems.length} problem(s) in ${result.rows} rows. Fix them and run the import again.`,
      '',
      `${'row'.padStart(width)}  column                     problem`,
      ...result.problems.map(
        (p) => `${String(p.row).padStart(width)}  ${(p.field ?? '-').padEnd(26)} ${p.message}`,
      ),
    ],
  };
}
