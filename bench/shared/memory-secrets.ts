/** A keychain stand-in for benchmarks: secrets in memory. The keychain is never what a benchmark measures. */
import type { KeychainStatus } from '../../src-shared/contract'
import type { SecretStore } from '../../src-main/secrets/secret-store'

export class MemorySecrets implements SecretStore {
  private readonly values = new Map<string, string>()

  status(): Promise<KeychainStatus> {
    return Promise.resolve({ available: true, backend: 'memory (benchmark)', message: 'In memory, for the benchmark only.' })
  }

  set(account: string, value: string): Promise<void> {
    this.values.set(account, value)
    return Promise.resolve()
  }

  get(account: string): Promise<string | null> {
    return Promise.resolve(this.values.get(account) ?? null)
  }

  delete(account: string): Promise<boolean> {
    return Promise.resolve(this.values.delete(account))
  }
}
