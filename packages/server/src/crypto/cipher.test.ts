import { describe, expect, it } from 'vitest';
import { createCipher, UnsealError } from './cipher';
import { generateKeySpec, parseKeyRing } from './key-ring';

const ring = parseKeyRing(generateKeySpec(1));
const cipher = createCipher(ring);

function flip(sealed: string, part: 1 | 2 | 3): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[0] = bytes[0]! ^ 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('cipher (AES-256-GCM, AAD = row identity + key version)', () => {
  it('round-trips and never repeats an IV', () => {
    const a = cipher.seal('secret', 'credentials:acc_1');
    const b = cipher.seal('secret', 'credentials:acc_1');
    expect(a).not.toBe(b);
    expect(cipher.open(a, 'credentials:acc_1')).toBe('secret');
    expect(a).not.toContain('secret');
  });

  it('a flipped byte in the IV, the tag or the ciphertext fails closed', () => {
    const sealed = cipher.seal('secret', 'credentials:acc_1');
    for (const part of [1, 2, 3] as const) {
      expect(() => cipher.open(flip(sealed, part), 'credentials:acc_1')).toThrow(UnsealError);
    }
  });

  it('a ciphertext moved to another row, or relabelled with another key version, does not open', () => {
    const sealed = cipher.seal('secret', 'credentials:acc_1');
    expect(() => cipher.open(sealed, 'credentials:acc_2')).toThrow(UnsealError);
    const two = createCipher(parseKeyRing(`v2:${ring.current.key.toString('base64')},${generateKeySpec(1)}`));
    expect(() => two.open(sealed.replace(/^v1\./, 'v2.'), 'credentials:acc_1')).toThrow(UnsealError);
    expect(() => cipher.open('v1.x', 'credentials:acc_1')).toThrow(UnsealError);
    expect(() => cipher.open(sealed.replace(/^v1\./, 'v9.'), 'credentials:acc_1')).toThrow(/no key v9/);
  });
});
