/**
 * Build of the three parts. main: two entries, `index` (Electron) and `browser` (plain Node, browser
 * mode); dependencies stay external so native modules load from node_modules. preload: one
 * self-contained CommonJS file, as a sandboxed preload requires. renderer: the React app.
 */
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: { index: resolve('src-main/index.ts'), browser: resolve('src-main/browser.ts') }
      }
    }
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: resolve('src-preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: { index: resolve('src-renderer/index.html') } }
    }
  }
})
