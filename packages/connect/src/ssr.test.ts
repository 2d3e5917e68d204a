// @vitest-environment node
import { describe, expect, it } from 'vitest';

describe('server-side rendering', () => {
  it('imports the package and its test double in a runtime without window or document', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const { createConnect } = await import('@harvest-connect/connect');
    const { createTestConnect } = await import('@harvest-connect/connect/testing');
    const connect = createConnect({ serverUrl: 'https://connect.example.com' });
    expect(connect.getSnapshot()).toEqual({ status: 'idle' });
    expect(createTestConnect().getSnapshot()).toEqual({ status: 'idle' });
  });
});
