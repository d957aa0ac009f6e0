/**
 * An Entra snapshot's Intune devices: search by device name, user, serial number or model, each with
 * its user, system, ownership, hardware, compliance and last sync; read page by page from the local
 * snapshot, like people. A snapshot without devices says why: none enrolled, devices turned off
 * (and how to turn them on), or turned on since it was taken.
 */
import { useState } from 'react'
import { Button, EmptyState } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconDevicesOff } from '@tabler/icons-react'
import type { Connection, SnapshotSummary } from '../../../../src-shared/contract'
import { useSnapshotDevices } from '../../api/connections'
import { DeviceRow } from './DirectoryRows'
import { SearchedList } from './SearchedList'

export interface DevicesBrowserProps {
  connection: Connection
  snapshot: SnapshotSummary
  /** Opens the Details tab, where devices are turned on (Edit) and the directory fetched. */
  onOpenDetails: () => void
}

export function DevicesBrowser({ connection, snapshot, onOpenDetails }: DevicesBrowserProps): React.JSX.Element {
  if (snapshot.devices === undefined || snapshot.devices === 0) {
    const { title, description } = noDevices(snapshot.devices === 0, connection.entra?.devices === true)
    return (
      <EmptyState size="sm" align="left" withIndicatorBackground icon={<IconDevicesOff size={20} aria-hidden />} title={title} description={description} py="sm">
        <EmptyState.Actions>
          <Button variant="default" size="xs" onClick={onOpenDetails}>
            Go to Details
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    )
  }
  return <DeviceList connectionId={connection.id} inSnapshot={snapshot.devices} />
}

function noDevices(read: boolean, on: boolean): { title: string; description: string } {
  if (read) {
    return {
      title: 'No devices in this snapshot',
      description: on
        ? 'Intune managed no devices in this tenant when the directory was fetched. Devices enrolled since are read by the next fetch.'
        : 'Intune managed no devices in this tenant when the directory was fetched, and devices are now turned off for this connection.'
    }
  }
  return on
    ? { title: 'Devices are read from the next fetch', description: "This snapshot was taken before devices were turned on. Fetch the directory again on the Details tab to read Intune's managed devices." }
    : {
        title: 'Devices are not read for this connection',
        description:
          "To browse Intune's managed devices here, turn on “Read Intune's managed devices” with Edit on the Details tab, then fetch the directory again. The app needs DeviceManagementManagedDevices.Read.All, and the tenant an Intune licence."
      }
}

function DeviceList({ connectionId, inSnapshot }: { connectionId: string; inSnapshot: number }): React.JSX.Element {
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search, 200)
  const devices = useSnapshotDevices(connectionId, debounced)
  return (
    <SearchedList
      noun={['device', 'devices']}
      placeholder="Device name, user, serial number or model"
      search={search}
      onSearchChange={setSearch}
      searched={debounced}
      rows={devices}
      inSnapshot={inSnapshot}
      estimatedRowHeight={62}
      renderRow={(device) => <DeviceRow device={device} />}
    />
  )
}
