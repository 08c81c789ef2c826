import { describe, expect, it } from 'vitest'
import { verifyCheckpoint } from './checkpoint'

const encoder = new TextEncoder()

function base64(data: Uint8Array): string {
  return btoa(String.fromCharCode(...data))
}

/** A log of our own, with WebCrypto: its vkey, and a signer of checkpoint texts. */
async function log(name: string) {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))
  const key = new Uint8Array([0x01, ...raw])
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array([...encoder.encode(`${name}\n`), ...key])))
    .slice(0, 4)
  const hex = Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('')
  const signed = async (text: string) => {
    const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, encoder.encode(text)))
    return `${text}\n— ${name} ${base64(new Uint8Array([...hash, ...signature]))}\n`
  }
  return { vkey: `${name}+${hex}+${base64(key)}`, signed }
}

describe('the latest checkpoint, verified in the browser', () => {
  const origin = 'jianhu.local/project-log'
  const text = `${origin}\n42\n${base64(new Uint8Array(32).fill(7))}\n`

  it('verifies a checkpoint the log signed and reads its size, whatever bytes its key has', async () => {
    for (let i = 0; i < 25; i++) {
      const { vkey, signed } = await log(origin)
      expect(await verifyCheckpoint(await signed(text), vkey)).toEqual({ verified: true, checkpoint: { origin, size: 42 } })
    }
  })

  it('refuses a checkpoint whose text was changed after signing', async () => {
    const { vkey, signed } = await log(origin)
    const tampered = (await signed(text)).replace('\n42\n', '\n43\n')
    expect(await verifyCheckpoint(tampered, vkey)).toMatchObject({ verified: false })
  })

  it('refuses a checkpoint signed with another key of the same name', async () => {
    const ours = await log(origin)
    const theirs = await log(origin)
    expect(await verifyCheckpoint(await theirs.signed(text), ours.vkey))
      .toEqual({ verified: false, reason: 'no signature by the log key' })
  })
})
