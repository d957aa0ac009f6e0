/**
 * Choosing a group to filter people by: a searchable list of the snapshot's groups, searched in the
 * snapshot as the admin types (a directory may have thousands). The chosen group stays listed.
 */
import { useState } from 'react'
import { Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useGroupChoices } from '../../api/connections'

export interface ChosenGroup {
  id: string
  name: string
}

export interface GroupFilterProps {
  connectionId: string
  value: ChosenGroup | null
  onChange: (group: ChosenGroup | null) => void
  style?: React.CSSProperties
}

export function GroupFilter({ connectionId, value, onChange, style }: GroupFilterProps): React.JSX.Element {
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search, 200)
  // The search box shows the chosen group's name: that lists every group, not just that one.
  const choices = useGroupChoices(connectionId, value && debounced === value.name ? '' : debounced)
  const options = (choices.data?.rows ?? []).map((group) => ({ value: group.id, label: group.name }))
  const data = value && !options.some((option) => option.value === value.id) ? [{ value: value.id, label: value.name }, ...options] : options
  return (
    <Select
      label="Group"
      placeholder="Any group"
      searchable
      clearable
      data={data}
      value={value?.id ?? null}
      onChange={(id, option) => onChange(id && option ? { id, name: option.label } : null)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={choices.isFetching ? 'Searching…' : 'No group has that in its name'}
      style={style}
    />
  )
}
