import { createRequire } from 'node:module';
import { defineProject } from 'vitest/config';

const require = createRequire(import.meta.url);
/** Every React entry point the package, its tests and its peers import, as a React 18.3.1 file. */
const modules: Record<string, string> = {
  react: require.resolve('react-18'),
  'react/jsx-runtime': require.resolve('react-18/jsx-runtime'),
  'react/jsx-dev-runtime': require.resolve('react-18/jsx-dev-runtime'),
  'react-dom': require.resolve('react-dom-18'),
  'react-dom/client': require.resolve('react-dom-18/client'),
  'react-dom/server': require.resolve('react-dom-18/server'),
  'react-dom/test-utils': require.resolve('react-dom-18/test-utils'),
};

// The component tests again, under React 18.3.1 (a declared peer), installed beside React 19 as the `react-18`
// and `react-dom-18` aliases. Integration tests against the server and the build and bundle tests run once, in
// the `react` project: they do not depend on the React version.
export default defineProject({
  resolve: {
    alias: Object.entries(modules).map(([name, file]) => ({
      find: new RegExp(`^${name.replace('/', '\\/')}$`),
      replacement: file,
    })),
  },
  test: {
    name: 'react18',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    exclude: ['src/integration/**'],
    setupFiles: ['./test/react18/setup.ts', './src/test/setup.ts'],
    // For the setup file (which sends Node's own React requests to the same files) and the version test.
    env: { HC_REACT_MODULES: JSON.stringify(modules), HC_EXPECTED_REACT: '18.3.1' },
    // Transformed by Vite (so the aliases apply) instead of imported by Node, which would find React 19.
    server: {
      deps: {
        inline: [/@testing-library\/react/, /@tanstack\/react-query/, /@tanstack\/react-virtual/, /zustand/],
      },
    },
  },
});
