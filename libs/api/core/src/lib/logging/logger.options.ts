import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { ParleyConfig } from '../config/parley-config';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Structured JSON logs with a request id (taken from X-Request-Id when it looks like one, else
 * new). Only method, path and status are logged: never headers, bodies or query strings, which
 * may carry tokens or patient details.
 */
export function loggerOptions(config: ParleyConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      redact: {
        paths: ['req.headers', 'password', '*.password', 'token', '*.token'],
        remove: true,
      },
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
    },
  };
}
