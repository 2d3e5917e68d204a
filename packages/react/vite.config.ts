import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import dts from 'vite-plugin-dts';

const here = dirname(fileURLToPath(import.meta.url));

// Peers and our own packages stay imports of the host app; @tanstack/react-virtual is bundled (and tree-shaken).
const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\/react-query($|\/)/,
  /^zustand($|\/)/,
  /^@harvest-connect\//,
];

/** Emits dist/styles.css: src/styles.css with its `@import`s inlined, so the published file stands alone. */
function stylesheet(): Plugin {
  return {
    name: 'harvest-connect-stylesheet',
    generateBundle() {
      const entry = resolve(here, 'src/styles.css');
      const source = readFileSync(entry, 'utf8').replace(
        /@import ["']\.\/(styles\/[a-z-]+\.css)["'];\n/g,
        (_, file: string) => readFileSync(resolve(here, 'src', file), 'utf8'),
      );
      if (source.includes('@import')) this.error('styles.css: an @import was left unresolved');
      this.emitFile({ type: 'asset', fileName: 'styles.css', source });
    },
  };
}

export default defineConfig({
  plugins: [
    dts({
      tsconfigPath: './tsconfig.json',
      include: ['src'],
      exclude: ['**/*.test.ts', '**/*.test.tsx', 'src/test/**'],
    }),
    stylesheet(),
  ],
  // The published code always uses the production JSX runtime, whatever NODE_ENV the build runs under (a test
  // runner sets it to `test`, which would otherwise select react/jsx-dev-runtime).
  oxc: { jsx: { runtime: 'automatic', development: false } },
  build: {
    lib: { entry: { index: 'src/index.ts' }, formats: ['es'] },
    rollupOptions: { external },
    sourcemap: true,
    minify: false,
  },
});
