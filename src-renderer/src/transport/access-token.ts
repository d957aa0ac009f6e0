/**
 * Browser mode's access key: the per-launch token the server prints in its address (`?token=`).
 * Taken from the address once, kept in sessionStorage so a reload of the tab still works, and
 * removed from the address bar so it is not left in history, bookmarks or screenshots.
 */
const storageKey = 'identity-studio.access-token'

export function takeAccessToken(location: Location, history: History, storage: Storage): string | null {
  const address = new URL(location.href)
  const fromAddress = address.searchParams.get('token')
  if (fromAddress !== null) {
    address.searchParams.delete('token')
    history.replaceState(history.state, '', `${address.pathname}${address.search}${address.hash}`)
    if (fromAddress !== '') {
      writeStorage(storage, fromAddress)
      return fromAddress
    }
  }
  return readStorage(storage)
}

/** Drops a token the server refused, so the next load says "not signed in" straight away. */
export function forgetAccessToken(storage: Storage): void {
  try {
    storage.removeItem(storageKey)
  } catch {
    // Storage disabled: nothing was kept, nothing to forget.
  }
}

function readStorage(storage: Storage): string | null {
  try {
    return storage.getItem(storageKey) || null
  } catch {
    return null
  }
}

function writeStorage(storage: Storage, token: string): void {
  try {
    storage.setItem(storageKey, token)
  } catch {
    // Storage disabled: the token still works for this page; a reload will ask for the link again.
  }
}
