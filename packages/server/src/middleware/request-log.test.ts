import { Writable } from 'node:stream';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { requestLog } from './request-log';

describe('requestLog', () => {
  it('logs the path without its query string', async () => {
    let text = '';
    const destination = new Writable({
      write: (chunk, _e, done) => {
        text += String(chunk);
        done();
      },
    });
    const app = new Hono()
      .use('*', requestLog({ log: createLogger({ level: 'info', destination }) }))
      .get('/connect', (c) => c.text('x'));
    await app.request('/connect?link_token=hc_lt_SECRET');
    expect(text).toContain('"path":"/connect"');
    expect(text).not.toContain('SECRET');
  });
});
