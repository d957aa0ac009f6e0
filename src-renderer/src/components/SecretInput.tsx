/**
 * A field for a secret (client secret, API token): Mantine's PasswordInput, which leaves aria-invalid
 * off its input, with it put back, so assistive technology hears the field is wrong and a refused
 * form can focus it.
 */
import { PasswordInput, type PasswordInputProps } from '@mantine/core'

export function SecretInput(props: PasswordInputProps): React.JSX.Element {
  return <PasswordInput aria-invalid={props.error ? true : undefined} {...props} />
}
