/** drizzle-kit settings: `npm run db:generate` writes a new migration into drizzle/ from the schema. */
import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'sqlite',
  schema: './src-main/store/schema.ts',
  out: './drizzle'
})
