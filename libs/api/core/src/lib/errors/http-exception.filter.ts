import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { GqlContextType } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { DatabaseUnavailableError, ParleyError, RateLimitedError } from './parley-errors';

/**
 * Shapes errors of the HTTP routes as `{ error: { code, message, field? } }`. GraphQL errors are
 * left to the GraphQL error formatter.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string }>();

    if (exception instanceof ParleyError) {
      if (exception instanceof RateLimitedError || exception instanceof DatabaseUnavailableError)
        response.setHeader('Retry-After', String(exception.retryAfterSeconds));
      return response.status(exception.httpStatus).json({
        error: {
          code: exception.code,
          message: exception.message,
          ...(exception.field ? { field: exception.field } : {}),
        },
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message =
        typeof body === 'string'
          ? body
          : ((body as { message?: unknown }).message ?? exception.message);
      return response.status(status).json({
        error: {
          code: status === 404 ? 'NOT_FOUND' : 'HTTP_ERROR',
          message: Array.isArray(message) ? message.join('; ') : String(message),
        },
      });
    }
    const clientError = bodyParserError(exception);
    if (clientError) return response.status(clientError.status).json({ error: clientError });
    const correlationId = String(request.id ?? randomUUID());
    this.logger.error({ err: exception, correlationId }, 'Unexpected error on an HTTP route');
    return response.status(500).json({
      error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', correlationId },
    });
  }
}

/**
 * Errors the body parsers raise before any route runs (http-errors with `expose`): malformed JSON,
 * a body over the limit, an unsupported charset. They are the caller's fault, so 4xx, not 500.
 */
function bodyParserError(
  exception: unknown,
): { status: number; code: string; message: string } | null {
  const error = exception as { status?: unknown; expose?: unknown; type?: unknown };
  if (!error || typeof error.status !== 'number' || error.expose !== true) return null;
  if (error.status < 400 || error.status > 499) return null;
  if (error.type === 'entity.too.large')
    return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' };
  if (error.type === 'entity.parse.failed')
    return { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' };
  return { status: error.status, code: 'BAD_REQUEST', message: 'The request body was refused.' };
}
