import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json, urlencoded } from 'express';

/** Large enough for the complaints CSV import (5,000,000 characters, JSON-escaped). */
const SIGNED_IN_GRAPHQL_LIMIT = '12mb';
/** Everything anonymous, and every other route: forms and small JSON only. */
const DEFAULT_LIMIT = '100kb';

/**
 * Request bodies: only signed-in GraphQL requests may be large (the CSV import travels as a
 * string); anonymous callers, who can be anyone on the internet, stay at 100 kB. A body over the
 * limit is answered 413 by the error filter, never 500.
 */
export function installBodyParsers(app: INestApplication): void {
  const small = json({ limit: DEFAULT_LIMIT });
  const large = json({ limit: SIGNED_IN_GRAPHQL_LIMIT });
  const chooseJson: RequestHandler = (req: Request, res: Response, next: NextFunction) =>
    (req.path === '/graphql' && req.headers.authorization ? large : small)(req, res, next);
  app.use(chooseJson);
  app.use(urlencoded({ extended: false, limit: DEFAULT_LIMIT }));
}
