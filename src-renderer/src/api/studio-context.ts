/** Hands the StudioClient to components: provided once at the root, read with useStudioClient. */
import { createContext, use } from 'react'
import type { StudioClient } from './studio-client'

export const StudioClientContext = createContext<StudioClient | null>(null)

export function useStudioClient(): StudioClient {
  const client = use(StudioClientContext)
  if (!client) throw new Error('useStudioClient needs a StudioClientContext above it.')
  return client
}
