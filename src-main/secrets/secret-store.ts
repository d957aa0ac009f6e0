/**
 * SecretStore: the only door to the OS keychain (macOS Keychain, Windows Credential Manager,
 * Secret Service on Linux) through keytar. Used by main only. When no keychain answers, it says so
 * and refuses to store: there is no plaintext fallback, by design. Calls run one at a time, and the
 * availability probe reads one fixed account instead of listing the service: libsecret's listing
 * (findCredentials) crashes the process when another process deletes an item of the same service
 * at that moment.
 */
import { createRequire } from 'node:module'
import { StudioError, type KeychainStatus } from '../../src-shared/contract'

export interface SecretStore {
  status(): Promise<KeychainStatus>
  set(account: string, value: string): Promise<void>
  get(account: string): Promise<string | null>
  delete(account: string): Promise<boolean>
}

type Keytar = typeof import('keytar')

const backendNames: Record<string, string> = {
  darwin: 'macOS Keychain',
  win32: 'Windows Credential Manager',
  linux: 'Secret Service (GNOME Keyring / KWallet)'
}

const probeTimeoutMs = 5000
/** An account that is never written: reading it proves the keychain answers. */
const probeAccount = 'availability-probe'

export class KeytarSecretStore implements SecretStore {
  private readonly backend = backendNames[process.platform] ?? `${process.platform} keychain`
  private keytar: Keytar | null = null
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly service: string) {}

  async status(): Promise<KeychainStatus> {
    try {
      const keytar = this.load()
      await this.serially(() => withTimeout(keytar.getPassword(this.service, probeAccount), probeTimeoutMs))
      return { available: true, backend: this.backend, message: `Secrets are kept in the ${this.backend}.` }
    } catch (error) {
      return { available: false, backend: this.backend, message: unavailableMessage(this.backend, error) }
    }
  }

  async set(account: string, value: string): Promise<void> {
    await this.call((keytar) => keytar.setPassword(this.service, account, value))
  }

  async get(account: string): Promise<string | null> {
    return this.call((keytar) => keytar.getPassword(this.service, account))
  }

  async delete(account: string): Promise<boolean> {
    return this.call((keytar) => keytar.deletePassword(this.service, account))
  }

  private async call<T>(action: (keytar: Keytar) => Promise<T>): Promise<T> {
    let keytar: Keytar
    try {
      keytar = this.load()
    } catch (error) {
      throw new StudioError('KEYCHAIN_UNAVAILABLE', unavailableMessage(this.backend, error))
    }
    try {
      return await this.serially(() => withTimeout(action(keytar), probeTimeoutMs))
    } catch (error) {
      throw new StudioError('KEYCHAIN_UNAVAILABLE', unavailableMessage(this.backend, error))
    }
  }

  /** Runs keychain calls one after another (libsecret is not safe to drive concurrently). */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work)
    this.queue = run.catch(() => undefined)
    return run
  }

  private load(): Keytar {
    // Loaded on first use so a missing libsecret is reported as "no keychain", not a crash at start-up.
    this.keytar ??= createRequire(import.meta.url)('keytar') as Keytar
    return this.keytar
  }
}

function unavailableMessage(backend: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error)
  const hint =
    process.platform === 'linux'
      ? ' Start a Secret Service provider (for example gnome-keyring) in your desktop session and unlock it, then restart Identity Studio.'
      : ' Unlock your keychain and restart Identity Studio.'
  return `No usable OS keychain (${backend}): ${reason}. Secrets cannot be saved until it is available; they are never stored in plain text.${hint}`
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the keychain did not answer within ${ms / 1000} s`)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      }
    )
  })
}
