/** Times as an admin reads them: "5 minutes ago" for recency, the full local date and time on hover. */

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })

const steps: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY]
]

/** "just now", "5 minutes ago", "yesterday", "in 2 hours" (a clock ahead of the server's). */
export function timeAgo(iso: string, now: Date): string {
  const then = Date.parse(iso)
  if (Number.isNaN(then)) return iso
  let amount = (then - now.getTime()) / 1000
  if (Math.abs(amount) < 45) return 'just now'
  for (const [unit, size] of steps) {
    if (Math.abs(Math.round(amount)) < size) return relative.format(Math.round(amount), unit)
    amount /= size
  }
  return iso
}

/** The full local date and time, e.g. "12 Mar 2026, 14:05:09". */
export function dateTimeText(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })
}
