import { ValidationPipe, type ValidationError } from '@nestjs/common';
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

/** Validates every input at the edge; the error names the field. Unknown fields are refused. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => {
      const problem = firstProblem(errors);
      return new InputError(problem?.message ?? 'The input is not valid.', problem?.field);
    },
  });
}
