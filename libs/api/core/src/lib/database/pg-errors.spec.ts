import { isConnectionError, isUniqueViolation } from './pg-errors';

describe('isConnectionError', () => {
  it.each([
    [
      'a restart terminating sessions',
      { code: '57P01', message: 'terminating connection due to administrator command' },
    ],
    ['a database starting up', { code: '57P03', message: 'the database system is starting up' }],
    ['a connection exception', { code: '08006', message: 'connection failure' }],
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    ['a dropped socket', new Error('Connection terminated unexpectedly')],
    ['a TypeORM wrapper', { driverError: { code: '57P01' }, message: 'QueryFailedError' }],
  ])('recognises %s', (_what, error) => {
    expect(isConnectionError(error)).toBe(true);
  });

  it.each([
    ['a unique violation', { code: '23505', constraint: 'x' }],
    ['a syntax error', { code: '42601', message: 'syntax error at or near' }],
    [
      'a permission error',
      { code: '42501', message: 'permission denied for table feedback_items' },
    ],
    ['an application error', new Error('The item was not found.')],
    ['nothing', null],
  ])('leaves %s alone', (_what, error) => {
    expect(isConnectionError(error)).toBe(false);
  });

  it('does not confuse the two kinds', () => {
    expect(isUniqueViolation({ code: '57P01' })).toBe(false);
  });
});
