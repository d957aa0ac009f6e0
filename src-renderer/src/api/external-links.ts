/** Opens a link in the system browser through main (which opens only the hosts it trusts); a refusal is shown as a notification. */
import { notifyError } from '../components/notify-error'
import { useProcedureMutation } from './procedure-hooks'

export function useOpenExternal(): (url: string) => void {
  const open = useProcedureMutation('app:openExternal', { onError: (error) => notifyError('The link was not opened', error) })
  return (url) => open.mutate({ url })
}
