/**
 * The connection's SSO tab: its single sign-on settings, the redirect URIs to register, the checks
 * and a test sign-in, and Apply to Halo with the fields before and after.
 */
import { Skeleton, Stack } from '@mantine/core'
import type { Connection } from '../../../../../src-shared/contract'
import { useSsoState } from '../../../api/sso'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { SsoApplyCard } from './SsoApplyCard'
import { SsoRedirectUris } from './SsoRedirectUris'
import { SsoSettingsCard } from './SsoSettingsCard'
import { SsoTestCard } from './SsoTestCard'

export function SsoTab({ connection }: { connection: Connection }): React.JSX.Element {
  const sso = useSsoState(connection.id)
  if (sso.error) return <ErrorNotice title="The single sign-on settings could not be read" error={sso.error} onRetry={() => void sso.refetch()} />
  if (!sso.data) return <Skeleton h={320} />
  const state = sso.data
  return (
    <Stack gap="lg">
      <SsoSettingsCard connection={connection} state={state} />
      <SsoRedirectUris kind={connection.kind} uris={state.redirectUris} />
      <SsoTestCard connection={connection} state={state} />
      <SsoApplyCard connection={connection} state={state} />
    </Stack>
  )
}
