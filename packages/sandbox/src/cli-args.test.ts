import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';

describe('parseCliArgs', () => {
  it('uses the documented defaults', () => {
    expect(parseCliArgs([], {})).toMatchObject({
      port: 4010,
      host: '127.0.0.1',
      control: true,
      refreshRotation: true,
      retryAfter: true,
      timestampTimers: false,
    });
  });

  it('reads every flag', () => {
    const o = parseCliArgs(
      [
        '--port',
        '0',
        '--host',
        '0.0.0.0',
        '--seed',
        'x',
        '--scale',
        'large',
        '--users',
        '50',
        '--time-entries',
        '1000',
        '--rate-window-ms',
        '500',
        '--timestamp-timers',
        '--no-control',
        '--no-refresh-rotation',
        '--no-retry-after',
        '--client-id',
        'c',
        '--client-secret',
        's',
        '--redirect-uri',
        'http://localhost:3000/cb',
        '--extra-client',
        'a,b,http://127.0.0.1:5000/cb',
      ],
      {},
    );
    expect(o).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      seed: 'x',
      scale: 'large',
      users: 50,
      timeEntries: 1000,
      rateWindowMs: 500,
      timestampTimers: true,
      control: false,
      refreshRotation: false,
      retryAfter: false,
      defaultClient: { clientId: 'c', clientSecret: 's', redirectUri: 'http://localhost:3000/cb' },
      clients: [{ clientId: 'a', clientSecret: 'b', redirectUri: 'http://127.0.0.1:5000/cb' }],
    });
  });

  it('reads clients from the environment and rejects bad values', () => {
    expect(
      parseCliArgs([], {
        HARVEST_SANDBOX_CLIENT_ID: 'env-id',
        HARVEST_SANDBOX_EXTRA_CLIENTS: 'x,y,http://h/cb',
      }),
    ).toMatchObject({
      defaultClient: { clientId: 'env-id' },
      clients: [{ clientId: 'x' }],
    });
    expect(() => parseCliArgs(['--port', 'abc'], {})).toThrow(/--port/);
    expect(() => parseCliArgs(['--scale', 'huge'], {})).toThrow(/--scale/);
    expect(() => parseCliArgs(['--bogus'], {})).toThrow();
    expect(() => parseCliArgs(['--extra-client', 'only-id'], {})).toThrow(/Bad client/);
  });
});
