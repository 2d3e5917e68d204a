import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

describe('createLogger', () => {
  it('redacts secrets at any of the first levels', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger({ level: 'info', destination });
    log.info(
      { access_token: 'AT-SECRET', nested: { refresh_token: 'RT-SECRET', deeper: { client_secret: 'CS' } } },
      'x',
    );
    log.info({ headers: { authorization: 'Bearer hc_sk_abc' }, code: 'CODE-1' }, 'y');
    const text = lines.join('');
    for (const secret of ['AT-SECRET', 'RT-SECRET', 'CS"', 'hc_sk_abc', 'CODE-1'])
      expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });
});
