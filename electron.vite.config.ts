/**
 * Build of the three parts. main: three entries, `index` (Electron), `browser` (plain Node, browser
 * mode) and `cli` (the halo-identity command line); dependencies stay external so native modules load from node_modules. preload: one
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
        input: { index: resolve('src-main/index.ts'), browser: resolve('src-main/browser.ts'), cli: resolve('src-main/cli/index.ts') }
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
      // Minified: the app parses ~0.9 MB of script at start instead of 2.5 MB (electron-vite leaves it readable by default).
      minify: true,
      rolldownOptions: { input: { index: resolve('src-renderer/index.html') } }
    }
  }
})
