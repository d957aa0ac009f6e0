/** A heading (h2) above a group of cards inside an area. */
import { Title } from '@mantine/core'

export function SectionHeading({ children }: { children: React.ReactNode }): React.JSX.Element {
  return (
    <Title order={2} fz="lg" mt="xl" mb="md">
      {children}
    </Title>
  )
}
