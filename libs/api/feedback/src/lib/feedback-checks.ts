import { InputError, NotFoundError, type UnitOfWork } from '@parley/api/core';
import { type FieldError, type IsoDate, londonDateOf } from '@parley/shared/domain';

/** Clocks of people's machines drift; a receipt a few minutes "ahead" is not in the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The UK day something was received; refuses times in the future. */
export function receivedDay(receivedAt: Date): IsoDate {
  if (Number.isNaN(receivedAt.getTime()))
    throw new InputError('receivedAt must be a date and time.', 'receivedAt');
  if (receivedAt.getTime() > Date.now() + CLOCK_SKEW_MS)
    throw new InputError('receivedAt is in the future.', 'receivedAt');
  return londonDateOf(receivedAt);
}

export function failOnFirst(problems: FieldError[]): void {
  if (problems.length > 0) throw new InputError(problems[0].message, problems[0].field);
}

/** Any channel of the bound practice (switched off or not: post still arrives). */
export async function requireChannel(uow: UnitOfWork, channelId: string): Promise<void> {
  const rows = await uow.query(
    'SELECT 1 FROM feedback_channels WHERE practice_id = $1 AND id = $2',
    [uow.practiceId, channelId],
  );
  if (rows.length === 0) throw new NotFoundError('The channel');
}
