import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the real Harvest hosts, 127.0.0.1:4000 and .data under the cwd', () => {
    const c = loadConfig([], {}, '/srv/app');
    expect(c.harvestIdUrl).toBe('https://id.getharvest.com');
    expect(c.harvestApiUrl).toBe('https://api.harvestapp.com');
    expect(c.host).toBe('127.0.0.1');
    expect(c.port).toBe(4000);
    expect(c.publicUrl).toBe('http://127.0.0.1:4000');
    expect(c.dataDir).toBe('/srv/app/.data');
    expect(c.production).toBe(false);
  });

  it('reads the environment, and flags win over it', () => {
    const c = loadConfig(['--port', '5000', '--harvest-id-url', 'http://127.0.0.1:9/'], {
      HC_PORT: '4500',
      HARVEST_API_URL: 'http://127.0.0.1:8',
      HC_PUBLIC_URL: 'https://connect.example.com',
      NODE_ENV: 'production',
    });
    expect(c.port).toBe(5000);
    expect(c.harvestIdUrl).toBe('http://127.0.0.1:9');
    expect(c.harvestApiUrl).toBe('http://127.0.0.1:8');
    expect(c.publicUrl).toBe('https://connect.example.com');
    expect(c.production).toBe(true);
  });

  it('names the variable and the flag of a bad value', () => {
    expect(() => loadConfig([], { HC_PORT: 'eighty' })).toThrow(/HC_PORT \/ --port/);
    expect(() => loadConfig([], { HARVEST_ID_URL: 'ftp://x' })).toThrow(ConfigError);
    expect(() => loadConfig(['--nope', 'x'], {})).toThrow(ConfigError);
    expect(() => loadConfig([], { HC_PUBLIC_URL: 'https://acme.test/connect' })).toThrow(
      /HC_PUBLIC_URL \/ --public-url: must be an origin/,
    );
  });
});
