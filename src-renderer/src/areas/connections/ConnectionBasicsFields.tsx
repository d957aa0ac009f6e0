/** The fields every connection form starts with: its name (with an example for its directory) and the Halo instance it imports into. */
import { Select, TextInput } from '@mantine/core'
import type { HaloInstance } from '../../../../src-shared/contract'

export interface ConnectionBasicsFieldsProps {
  values: { name: string; haloInstanceId: string }
  errors: { name?: string | undefined; haloInstanceId?: string | undefined }
  set: (field: 'name' | 'haloInstanceId', value: string) => void
  haloInstances: readonly HaloInstance[]
  /** e.g. "Northwind Okta". */
  example: string
}

export function ConnectionBasicsFields({ values, errors, set, haloInstances, example }: ConnectionBasicsFieldsProps): React.JSX.Element {
  return (
    <>
      <TextInput
        label="Name"
        withAsterisk
        description={`How this directory is called in Identity Studio, for example “${example}”.`}
        value={values.name}
        onChange={(event) => set('name', event.currentTarget.value)}
        error={errors.name}
        maxLength={80}
        data-autofocus
      />
      <Select
        label="Halo instance"
        withAsterisk
        description="The Halo this directory's people are imported into."
        placeholder="Choose a Halo instance"
        data={haloInstances.map((instance) => ({ value: instance.id, label: instance.name }))}
        value={values.haloInstanceId || null}
        onChange={(value) => set('haloInstanceId', value ?? '')}
        error={errors.haloInstanceId}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
    </>
  )
}
