import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { InputError } from '@parley/api/core';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
// `Algorithm` is a const enum, which isolated module compilers cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** A valid argon2id hash of a random password, verified against when the email is unknown so
 * both failures take the same time. */
let decoyHash: Promise<string> | null = null;

export function assertPasswordAcceptable(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new InputError(`The password must be at least ${MIN_PASSWORD_LENGTH} characters.`, field);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new InputError(`The password must be at most ${MAX_PASSWORD_LENGTH} characters.`, field);
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(
  passwordHash: string | null,
  password: string,
): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  if (!passwordHash) {
    decoyHash ??= hashPassword('decoy-password-never-used');
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
