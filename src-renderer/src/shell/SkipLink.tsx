/**
 * "Skip to content": the first Tab stop, moving focus past the header and menu to the page's title.
 * Handled in script because a `#fragment` link would be taken for a route by the hash router.
 */
import classes from './SkipLink.module.css'

export function SkipLink({ targetId }: { targetId: string }): React.JSX.Element {
  return (
    <a
      href={`#${targetId}`}
      className={classes.skipLink}
      onClick={(event) => {
        event.preventDefault()
        const target = document.getElementById(targetId)
        const title = target?.querySelector<HTMLElement>('[data-page-title]')
        ;(title ?? target)?.focus()
      }}
    >
      Skip to content
    </a>
  )
}
