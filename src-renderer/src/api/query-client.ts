/**
 * The react-query client and its defaults. Every query and mutation fails with a StudioError (the
 * client converts anything else), so that is registered as react-query's error type. Only INTERNAL
 * failures (which include "not answering") are retried; the other codes will not change by retrying.
 */
import { QueryClient } from '@tanstack/react-query'
import type { StudioError } from '../../../src-shared/contract'

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: StudioError
  }
}

export function createStudioQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: (failureCount, error) => error.code === 'INTERNAL' && failureCount < 2
      }
    }
  })
}
