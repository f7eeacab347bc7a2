import { InProcessAlertBus } from './alert-bus';
import type { AlertEvent } from './alert.types';

function event(practiceId: string, id: string): AlertEvent {
  return {
    practiceId,
    alert: {
      id,
      kind: 'volume_threshold',
      subject: 's',
      subjectType: 'practice',
      subjectId: null,
      due: null,
      raisedAt: new Date(),
      acknowledgedAt: null,
      acknowledgedBy: null,
    },
  };
}

describe('in-process alert bus', () => {
  it('delivers a practice’s alerts to its subscribers only, in order, until they stop', async () => {
    const bus = new InProcessAlertBus();
    const a = bus.subscribe('practice-a');
    const b = bus.subscribe('practice-b');
    await bus.publish(event('practice-b', 'b1'));
    await bus.publish(event('practice-a', 'a1'));
    await bus.publish(event('practice-a', 'a2'));
    expect((await a.next()).value.alert.id).toBe('a1');
    expect((await a.next()).value.alert.id).toBe('a2');
    expect((await b.next()).value.alert.id).toBe('b1');

    const waiting = a.next();
    await bus.publish(event('practice-a', 'a3'));
    expect((await waiting).value.alert.id).toBe('a3');

    await a.return?.();
    await bus.publish(event('practice-a', 'a4'));
    expect(await a.next()).toEqual({ value: undefined, done: true });
    await bus.close();
  });

  it('ends a waiting consumer when it stops', async () => {
    const bus = new InProcessAlertBus();
    const live = bus.subscribe('p');
    const pending = live.next();
    await live.return?.();
    expect(await pending).toEqual({ value: undefined, done: true });
  });
});
