import { TestBed } from '@angular/core/testing';
import { type Observable, Subject } from 'rxjs';
import {
  AlertKind,
  AlertSubjectType,
  type LiveAlertFieldsFragment,
  OpenAlertCountDocument,
} from '../generated/graphql';
import {
  ALERTS_SOCKET,
  type AlertsSink,
  type AlertsSocketOptions,
  FIXTURE_PLACES,
  FIXTURE_SIGN_INS,
  GraphqlClient,
  SessionStore,
} from '@parley/admin/data-access';
import { LiveAlerts } from './live-alerts';

const { wilmslow, alderley } = FIXTURE_PLACES;

/** One opened (fake) connection. */
interface FakeSocket {
  options: AlertsSocketOptions;
  sinks: AlertsSink[];
  queries: string[];
  disposed: boolean;
  unsubscribed: number;
}

function alert(id: string): LiveAlertFieldsFragment {
  return {
    id,
    kind: AlertKind.LadderStepSuggested,
    subject: `Patient P-0042: Formal warning, with reasons is suggested (${id}).`,
    subjectType: AlertSubjectType.Patient,
    subjectId: 'patient-1',
    due: null,
    raisedAt: '2030-03-04T10:00:00.000Z',
  };
}

describe('LiveAlerts', () => {
  let sockets: FakeSocket[];
  let counts: number[];
  let countAnswers: Subject<{ openAlertCount: number }>;
  let session: SessionStore;

  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    sockets = [];
    counts = [];
    countAnswers = new Subject();
    TestBed.configureTestingModule({
      providers: [
        {
          provide: GraphqlClient,
          useValue: {
            request: (document: unknown): Observable<unknown> => {
              if (document !== OpenAlertCountDocument) throw new Error('unexpected operation');
              counts.push(counts.length);
              return countAnswers;
            },
          },
        },
        {
          provide: ALERTS_SOCKET,
          useValue: async (options: AlertsSocketOptions) => {
            const socket: FakeSocket = {
              options,
              sinks: [],
              queries: [],
              disposed: false,
              unsubscribed: 0,
            };
            sockets.push(socket);
            return {
              subscribe: (query: string, sink: AlertsSink) => {
                socket.queries.push(query);
                socket.sinks.push(sink);
                return () => socket.unsubscribed++;
              },
              dispose: () => (socket.disposed = true),
            };
          },
        },
      ],
    });
    session = TestBed.inject(SessionStore);
  });

  async function started(): Promise<LiveAlerts> {
    const live = TestBed.inject(LiveAlerts);
    await settle();
    return live;
  }

  const settle = async () => {
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };

  it('stays closed while nobody is signed in, and for people without a practice', async () => {
    const live = await started();
    expect(sockets).toHaveLength(0);
    session.start(FIXTURE_SIGN_INS.auditor());
    await settle();
    expect(sockets).toHaveLength(0);
    expect(live.openCount()).toBeNull();
    expect(counts).toHaveLength(0);
  });

  it('connects for the active practice with the current token, and counts what is open', async () => {
    session.start(FIXTURE_SIGN_INS.manager());
    const live = await started();
    expect(sockets).toHaveLength(1);
    const [socket] = sockets;
    expect(socket.options.url).toBe('ws://localhost/graphql');
    expect(socket.options.connectionParams()).toEqual({
      authorization: 'Bearer access-1',
      practiceId: wilmslow.id,
    });
    expect(socket.queries[0]).toContain('alertRaised');
    countAnswers.next({ openAlertCount: 2 });
    expect(live.openCount()).toBe(2);

    // A refreshed token is what the next reconnection sends; the connection itself stays.
    session.refreshed({ ...FIXTURE_SIGN_INS.manager(), accessToken: 'access-2' });
    await settle();
    expect(sockets).toHaveLength(1);
    expect(socket.options.connectionParams()).toMatchObject({ authorization: 'Bearer access-2' });
  });

  it('adds each raised alert to the count and passes it on', async () => {
    session.start(FIXTURE_SIGN_INS.staff());
    const live = await started();
    countAnswers.next({ openAlertCount: 1 });
    const received: string[] = [];
    live.raised$.subscribe((a) => received.push(a.id));
    sockets[0].options.onConnected(false);
    expect(live.live()).toBe(true);

    sockets[0].sinks[0].next({ alertRaised: alert('a1') });
    expect(live.openCount()).toBe(2);
    expect(live.latest()?.id).toBe('a1');
    expect(received).toEqual(['a1']);
  });

  it('closes on sign-out and reconnects for the new practice after a switch', async () => {
    session.start(FIXTURE_SIGN_INS.twoPractices());
    session.selectPractice(wilmslow.id);
    const live = await started();
    countAnswers.next({ openAlertCount: 4 });

    session.selectPractice(alderley.id);
    await settle();
    expect(sockets).toHaveLength(2);
    expect(sockets[0].disposed).toBe(true);
    expect(sockets[0].unsubscribed).toBe(1);
    expect(sockets[1].options.connectionParams()).toMatchObject({ practiceId: alderley.id });
    expect(live.openCount()).toBeNull(); // until Alderley's count arrives

    session.clear();
    await settle();
    expect(sockets[1].disposed).toBe(true);
    expect(live.openCount()).toBeNull();
    expect(live.live()).toBe(false);
  });

  it('refreshes the token through a request when the connection is refused', async () => {
    session.start(FIXTURE_SIGN_INS.manager());
    const live = await started();
    expect(counts).toHaveLength(1);
    sockets[0].options.onClosed(4403);
    expect(counts).toHaveLength(2);
    expect(live.live()).toBe(false);
    sockets[0].options.onClosed(1006);
    expect(counts).toHaveLength(2);
  });

  it('catches up after a dropped connection came back', async () => {
    session.start(FIXTURE_SIGN_INS.manager());
    const live = await started();
    let resyncs = 0;
    live.resynced$.subscribe(() => resyncs++);
    sockets[0].options.onConnected(false);
    expect(resyncs).toBe(0);
    sockets[0].options.onConnected(true);
    expect(resyncs).toBe(1);
    expect(counts).toHaveLength(2);
  });

  it('ignores a connection that opens after the practice was left', async () => {
    session.start(FIXTURE_SIGN_INS.manager());
    TestBed.inject(LiveAlerts);
    TestBed.tick();
    session.clear(); // before the (asynchronous) client was ready
    await settle();
    expect(sockets).toHaveLength(1);
    expect(sockets[0].disposed).toBe(true);
    expect(sockets[0].queries).toEqual([]);
  });
});
