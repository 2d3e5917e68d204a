import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The demo is served by its own backend (server/main.ts), which runs Vite in middleware mode.
export default defineConfig({
  plugins: [react()],
  // The widgets are workspace sources: pre-bundling only the third-party dependencies keeps the first load quick.
  optimizeDeps: { include: ['react', 'react-dom', 'react-dom/client', '@tanstack/react-query', 'zustand'] },
});
