import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'connect', environment: 'happy-dom', include: ['src/**/*.test.ts'] },
});
