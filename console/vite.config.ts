import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// The build lands where Maven packages it: the gateway serves the console jar's static/ at /.
export default defineConfig({
  plugins: [vue()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    // No inline script or style (the gateway's Content-Security-Policy allows none) and no preload polyfill.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080', '/dev': 'http://localhost:8080' },
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
})
