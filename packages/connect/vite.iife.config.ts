import { defineConfig } from 'vite';

// The script-tag build: one minified IIFE, global `HarvestConnect`, written beside the ESM build. Its gzip size
// is budgeted in `.size-limit.json`.
export default defineConfig({
  build: {
    lib: {
      entry: 'src/script-tag.ts',
      formats: ['iife'],
      name: 'HarvestConnect',
      fileName: () => 'connect.iife.js',
    },
    emptyOutDir: false,
    minify: true,
    target: 'es2020',
  },
});
