/** A moment shown as "5 minutes ago" (kept current while on screen), with the exact time on hover. */
import { useEffect, useState } from 'react'
import { Text, Tooltip } from '@mantine/core'
import { dateTimeText, timeAgo } from './time-text'

const refreshMs = 30_000

export function RelativeTime({ iso }: { iso: string }): React.JSX.Element {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), refreshMs)
    return () => clearInterval(timer)
  }, [])
  return (
    <Tooltip label={dateTimeText(iso)} withArrow>
      <Text component="time" dateTime={iso} inherit span>
        {timeAgo(iso, now)}
      </Text>
    </Tooltip>
  )
}
