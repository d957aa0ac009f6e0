/**
 * Choosing a directory group by its exact name (as site and advanced mappings store it): the
 * snapshot's groups, searched in main as one types (a directory may have thousands). The chosen name
 * stays listed even when the snapshot no longer has it.
 */
import { useState } from 'react'
import { Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useProcedureQuery } from '../../../api/procedure-hooks'
import { withCurrent } from './design-lookups'
import { useMappingDesign } from './mapping-design'

export interface GroupNameSelectProps {
  label: string
  description?: string
  placeholder: string
  value: string | null
  onChange: (value: string | null) => void
  error?: string
  required?: boolean
}

export function GroupNameSelect({ label, description, placeholder, value, onChange, error, required = false }: GroupNameSelectProps): React.JSX.Element {
  const { connectionId } = useMappingDesign()
  const [search, setSearch] = useState(value ?? '')
  const [settled] = useDebouncedValue(search, 250)
  const groups = useProcedureQuery('snapshot:groups', { connectionId, search: settled === value ? '' : settled, offset: 0, limit: 50 })
  const names = [...new Set((groups.data?.rows ?? []).map((group) => group.name))]
  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder}
      searchable
      clearable={!required}
      withAsterisk={required}
      searchValue={search}
      onSearchChange={setSearch}
      data={withCurrent(names.map((name) => ({ value: name, label: name })), value)}
      value={value}
      onChange={onChange}
      error={error}
      filter={({ options }) => options}
      nothingFoundMessage={groups.isFetching ? 'Searching…' : 'No group of that name in the snapshot'}
    />
  )
}
