/**
 * The desktop transport without an Electron binary: a stand-in for ipcMain records the handlers the
 * bridge registers, and calls are replayed with sender descriptions like Electron's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { procedureNames, type CallResult } from '../../src-shared/contract'
import { registerIpcBridge, TrustedSenders, type InvokeEventLike, type IpcMainLike } from './ipc-bridge'
import { openTempWorkspace, type TempWorkspace } from '../../test/helpers/temp-workspace'

type Listener = (event: InvokeEventLike, input: unknown) => Promise<CallResult<unknown>>

const appUrl = 'file:///opt/studio/out/renderer/index.html'
let workspace: TempWorkspace
const registered = new Map<string, Listener>()
const sent: [number, string, unknown][] = []
const ipcMain: IpcMainLike = {
  handle: (channel, listener) => {
    if (registered.has(channel)) throw new Error(`second handler for ${channel}`)
    registered.set(channel, listener)
  },
  removeHandler: (channel) => registered.delete(channel)
}
const senders = new TrustedSenders((url) => url.startsWith('file:///opt/studio/out/renderer/'))
let unregister: () => void

function call(channel: string, event: InvokeEventLike, input: unknown = {}) {
  const listener = registered.get(channel)
  if (!listener) throw new Error(`no handler for ${channel}`)
  return listener(event, input)
}

const fromApp: InvokeEventLike = { sender: { id: 1 }, senderFrame: { url: `${appUrl}#/settings`, parent: null } }

beforeAll(() => {
  workspace = openTempWorkspace()
  unregister = registerIpcBridge(ipcMain, workspace.dispatch, workspace.services.events, senders)
  senders.add({ id: 1, send: (channel, payload) => sent.push([1, channel, payload]), isDestroyed: () => false })
  senders.add({ id: 2, send: (channel, payload) => sent.push([2, channel, payload]), isDestroyed: () => true })
})
afterAll(async () => {
  unregister()
  await workspace.dispose()
})

describe('IPC bridge', () => {
  it('registers exactly one handler per procedure, on the procedure’s own channel', () => {
    expect([...registered.keys()].sort()).toEqual([...procedureNames].sort())
  })

  it('answers the app’s own window', async () => {
    expect(await call('settings:get', fromApp)).toEqual({ ok: true, value: { theme: 'auto' } })
  })

  it('refuses unknown windows, subframes, foreign pages and frameless senders', async () => {
    const refused: InvokeEventLike[] = [
      { sender: { id: 99 }, senderFrame: { url: appUrl, parent: null } },
      { sender: { id: 1 }, senderFrame: { url: appUrl, parent: {} } },
      { sender: { id: 1 }, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: { id: 1 }, senderFrame: null }
    ]
    for (const event of refused) {
      expect(await call('settings:update', event, { theme: 'dark' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await call('settings:get', fromApp)).toEqual({ ok: true, value: { theme: 'auto' } })
  })

  it('validates input like every transport', async () => {
    expect(await call('settings:update', fromApp, { theme: 42 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
  })

  it('sends events to live app windows only', async () => {
    await call('settings:update', fromApp, { theme: 'light' })
    expect(sent).toEqual([[1, 'settings:changed', { theme: 'light' }]])
  })

  it('removes its handlers when unregistered', () => {
    unregister()
    expect(registered.size).toBe(0)
    unregister = registerIpcBridge(ipcMain, workspace.dispatch, workspace.services.events, senders)
  })
})
