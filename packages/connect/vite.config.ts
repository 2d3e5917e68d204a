import { defineConfig } from 'vite';
import dts from 'vite-plugin-dts';

// The ESM build: `index` and `testing`, with types. The protocol's few runtime constants are bundled in, so the
// published package has no runtime dependency. The script-tag build is `vite.iife.config.ts`.
export default defineConfig({
  plugins: [
    dts({
      tsconfigPath: './tsconfig.json',
      include: ['src'],
      exclude: ['**/*.test.ts', 'src/test/**', 'src/script-tag.ts'],
    }),
  ],
  build: {
    lib: {
      entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
      formats: ['es'],
    },
    sourcemap: true,
    minify: false,
  },
});
