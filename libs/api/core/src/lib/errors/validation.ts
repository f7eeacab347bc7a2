import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { InputError } from './parley-errors';

function firstProblem(
  errors: ValidationError[],
  prefix = '',
): { field: string; message: string } | null {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const constraint = error.constraints ? Object.values(error.constraints)[0] : undefined;
    if (constraint) return { field, message: constraint.replace(error.property, field) };
    const nested = firstProblem(error.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/** Deeper than any input Parley defines; much deeper would exhaust the validator's stack. */
const MAX_DEPTH = 32;

/** A lone half of a UTF-16 surrogate pair: not a character, and not encodable as UTF-8. */
const UNPAIRED_SURROGATE = /\p{Cs}/u;

type Problem = 'nul' | 'surrogate' | 'depth';

const MESSAGES: Record<Problem, (field: string) => string> = {
  nul: (field) => `${field} must not contain the null character (U+0000).`,
  surrogate: (field) => `${field} is not valid Unicode text (it has an unpaired surrogate).`,
  depth: (field) => `${field} is nested too deeply.`,
};

/**
 * Walks an input without recursion. Reports text that PostgreSQL cannot store (U+0000) or that is
 * not Unicode at all (which would fail deep in a write, or in a validator), by its dotted path
 * like the validation messages, and nesting deeper than any input has.
 */
export function hostileShapeOf(value: unknown): { path: string; problem: Problem } | null {
  const stack: [unknown, string, number][] = [[value, '', 0]];
  while (stack.length > 0) {
    const [node, path, depth] = stack.pop() as [unknown, string, number];
    if (typeof node === 'string') {
      if (node.includes('\u0000')) return { path, problem: 'nul' };
      if (UNPAIRED_SURROGATE.test(node)) return { path, problem: 'surrogate' };
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    if (depth >= MAX_DEPTH) return { path, problem: 'depth' };
    for (const [key, item] of Object.entries(node).reverse())
      stack.push([item, path ? `${path}.${key}` : key, depth + 1]);
  }
  return null;
}

/**
 * Validates every input at the edge; the error names the field. Unknown fields are refused, and
 * so are text with the null character (U+0000) or unpaired surrogates and absurd nesting,
 * anywhere in an argument, a body or a query string.
 */
class ParleyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const name = metadata.data || metadata.type;
      if (Array.isArray(value) && isInputClass(metadata.metatype))
        throw new InputError(`${name} must be an object, not a list.`, name);
      const found = hostileShapeOf(value);
      if (found) {
        const field = (found.problem === 'depth' ? found.path.split('.')[0] : found.path) || name;
        throw new InputError(MESSAGES[found.problem](field), field);
      }
    }
    return super.transform(value, metadata);
  }
}

const NOT_INPUT_CLASSES: unknown[] = [String, Number, Boolean, Array, Object, Date];

function isInputClass(metatype: unknown): boolean {
  return typeof metatype === 'function' && !NOT_INPUT_CLASSES.includes(metatype);
}

export function createValidationPipe(): ValidationPipe {
  return new ParleyValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => {
      const problem = firstProblem(errors);
      return new InputError(problem?.message ?? 'The input is not valid.', problem?.field);
    },
  });
}
