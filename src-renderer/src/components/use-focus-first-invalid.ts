/**
 * After a form is refused (by the check before sending, or by main), focus moves to the first field
 * marked invalid, once the new error messages are on screen. Put `formRef` on the form and call
 * `refused()` after setting the errors.
 */
import { useEffect, useRef, useState } from 'react'

export function useFocusFirstInvalid(): { formRef: React.RefObject<HTMLFormElement | null>; refused: () => void } {
  const formRef = useRef<HTMLFormElement>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (attempt > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [attempt])
  return { formRef, refused: () => setAttempt((count) => count + 1) }
}
