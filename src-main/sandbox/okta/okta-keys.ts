/**
 * RSA keys and JWTs for the Okta sandbox, with node:crypto only: the org and `default` authorization
 * servers' signing keys (JWKS, ID and access tokens) and the service apps' key pairs (the sandbox
 * keeps the public JWK on the app, and hands out the private key as PEM and as a JWK with its kid so
 * a connector can sign client assertions). Keys are made once per seed in a process and kept in the
 * sandbox file, so a reopened sandbox still accepts the keys it handed out.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPair, sign, verify, type KeyObject } from 'node:crypto'
import { promisify } from 'node:util'
import type { OktaStore } from './okta-store'

export interface PublicJwk {
  kty: 'RSA'
  alg: 'RS256'
  kid: string
  use: 'sig'
  e: string
  n: string
}

export interface SigningKey {
  kid: string
  privateKey: KeyObject
  publicKey: KeyObject
  /** PKCS#8 PEM ("BEGIN PRIVATE KEY"), as Okta's admin console downloads it. */
  privatePem: string
  privateJwk: Record<string, string>
  publicJwk: PublicJwk
}

const generated = new Map<string, Promise<string>>()
const generate = promisify(generateKeyPair)

async function newPem(): Promise<string> {
  const pair = await generate('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } })
  return pair.privateKey
}

/** The key `name` of this sandbox: from its file, else made (once per seed and name in this process). */
export async function loadKey(store: OktaStore, seed: number, name: string): Promise<SigningKey> {
  let pem = store.meta(`key:${name}`)
  if (pem === null) {
    const cacheKey = `${seed}:${name}`
    const pending = generated.get(cacheKey) ?? newPem()
    generated.set(cacheKey, pending)
    pem = await pending
    store.setMeta(`key:${name}`, pem)
  }
  return keyFromPem(pem)
}

export function keyFromPem(pem: string): SigningKey {
  const privateKey = createPrivateKey(pem)
  const publicKey = createPublicKey(privateKey)
  const { e = '', n = '' } = publicKey.export({ format: 'jwk' })
  // RFC 7638 thumbprint: the members e, kty, n in that order.
  const kid = createHash('sha256').update(JSON.stringify({ e, kty: 'RSA', n })).digest('base64url')
  const privateJwk = { ...(privateKey.export({ format: 'jwk' }) as Record<string, string>), kid, alg: 'RS256', use: 'sig' }
  return { kid, privateKey, publicKey, privatePem: pem, privateJwk, publicJwk: { kty: 'RSA', alg: 'RS256', kid, use: 'sig', e, n } }
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

export function signJwt(key: SigningKey, claims: Record<string, unknown>): string {
  const input = `${encode({ kid: key.kid, alg: 'RS256' })}.${encode(claims)}`
  return `${input}.${sign('sha256', Buffer.from(input), key.privateKey).toString('base64url')}`
}

export interface DecodedJwt {
  header: Record<string, unknown>
  payload: Record<string, unknown>
  signingInput: string
  signature: Buffer
}

/** Splits and parses a compact JWS; null when it is not one. */
export function decodeJwt(token: string): DecodedJwt | null {
  const parts = token.split('.')
  if (parts.length !== 3) return null
  const [header = '', payload = '', signature = ''] = parts
  try {
    const parsedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as unknown
    const parsedPayload = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown
    if (!isObject(parsedHeader) || !isObject(parsedPayload)) return null
    return { header: parsedHeader, payload: parsedPayload, signingInput: `${header}.${payload}`, signature: Buffer.from(signature, 'base64url') }
  } catch {
    return null
  }
}

/** RS256 signature check. */
export function verifyRs256(decoded: DecodedJwt, publicKey: KeyObject): boolean {
  if (decoded.header.alg !== 'RS256') return false
  try {
    return verify('sha256', Buffer.from(decoded.signingInput), publicKey, decoded.signature)
  } catch {
    return false
  }
}

/** A public key from a JWK (the one kept on a service app). */
export function publicKeyFromJwk(jwk: Record<string, unknown>): KeyObject {
  return createPublicKey({ key: { kty: 'RSA', n: String(jwk.n), e: String(jwk.e) }, format: 'jwk' })
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
