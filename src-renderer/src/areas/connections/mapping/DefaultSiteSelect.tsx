/** The default site of a mapping design: where people no site mapping matches go (none: they are not imported). */
import { Select } from '@mantine/core'
import { haloRef, useLookupOptions } from './design-lookups'
import { useMappingDesign } from './mapping-design'

export function DefaultSiteSelect(): React.JSX.Element {
  const design = useMappingDesign()
  const sites = useLookupOptions('sites')
  const current = design.config.imports.defaultSiteId
  return (
    <Select
      label="Default site"
      description="Where people no site mapping matches go. Without one, they are not imported."
      placeholder="None: not imported"
      clearable
      searchable
      data={sites}
      value={current === null ? null : String(current)}
      onChange={(value) => design.update((draft) => (draft.imports.defaultSiteId = value === null ? null : haloRef(value)))}
      maw={420}
    />
  )
}
