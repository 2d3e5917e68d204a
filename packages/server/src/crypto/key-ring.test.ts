import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateKeySpec, KeyRingError, loadKeyRing, parseKeyRing } from './key-ring';

describe('key ring', () => {
  it('parses versioned keys; the first one seals', () => {
    const ring = parseKeyRing(`${generateKeySpec(2)},${generateKeySpec(1)}`);
    expect(ring.current.version).toBe(2);
    expect([...ring.byVersion.keys()]).toEqual([2, 1]);
  });

  it('refuses short, malformed, duplicated or empty specs', () => {
    expect(() => parseKeyRing(`v1:${Buffer.alloc(16).toString('base64')}`)).toThrow(/32 bytes/);
    expect(() => parseKeyRing('nonsense')).toThrow(KeyRingError);
    expect(() => parseKeyRing(`${generateKeySpec(1)},${generateKeySpec(1)}`)).toThrow(/twice/);
    expect(() => parseKeyRing(' , ')).toThrow(KeyRingError);
  });

  it('production without a key refuses to start', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hc-keys-'));
    expect(() => loadKeyRing({ spec: undefined, production: true, dataDir, warn: () => {} })).toThrow(
      /required in production/,
    );
    expect(() =>
      loadKeyRing({
        spec: `v1:${Buffer.alloc(8).toString('base64')}`,
        production: true,
        dataDir,
        warn: () => {},
      }),
    ).toThrow(/32 bytes/);
  });

  it('development creates a private key file once and warns loudly every time', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hc-keys-'));
    const warnings: string[] = [];
    const first = loadKeyRing({ spec: undefined, production: false, dataDir, warn: (m) => warnings.push(m) });
    const second = loadKeyRing({
      spec: undefined,
      production: false,
      dataDir,
      warn: (m) => warnings.push(m),
    });
    expect(second.current.key.equals(first.current.key)).toBe(true);
    const file = join(dataDir, 'dev-encryption.key');
    expect(readFileSync(file, 'utf8')).toMatch(/^v1:/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/DEVELOPMENT ENCRYPTION KEY/);
  });
});
