import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import dts from 'vite-plugin-dts';
import pkg from './package.json' with { type: 'json' };

// Node library build: dependencies and Node built-ins stay imports; the workspace contract (constants and
// types only) is bundled. Two entries: the library and the `harvest-sandbox` CLI (bin/harvest-sandbox.mjs).
const external = [
  ...Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@harvest-connect/')),
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
].map((name) => new RegExp(`^${name.replace(/[/]/g, '\\/')}(/.*)?$`));

export default defineConfig({
  plugins: [
    dts({
      tsconfigPath: './tsconfig.json',
      entryRoot: 'src',
      include: ['src'],
      exclude: ['**/*.test.ts', 'src/test-support.ts', 'src/contract/**'],
    }),
  ],
  build: {
    lib: { entry: { index: 'src/index.ts', cli: 'src/cli.ts' }, formats: ['es'] },
    rollupOptions: { external },
    target: 'node20',
    sourcemap: true,
  },
});
