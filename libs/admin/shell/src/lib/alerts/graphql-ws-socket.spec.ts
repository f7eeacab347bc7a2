import { socketUrl } from './graphql-ws-socket';

describe('socketUrl', () => {
  it('turns the GraphQL endpoint into a WebSocket address on the same host', () => {
    expect(socketUrl('/graphql', 'https://parley.example/incidents')).toBe(
      'wss://parley.example/graphql',
    );
    expect(socketUrl('/graphql', 'http://127.0.0.1:4000/')).toBe('ws://127.0.0.1:4000/graphql');
  });
});
