/**
 * The record's latest checkpoint, verified here in the browser with the log's verifier key (C2SP signed-note and
 * tlog-checkpoint): the note's text is `origin\nsize\nroot\n`, a blank line, then signature lines
 * `— <name> <base64(4-byte key hash ‖ 64-byte Ed25519 signature)>`; the key is `<name>+<hash>+<base64(0x01 ‖ key)>`.
 * Only a signature by the log's own key over exactly that text counts.
 */
export interface VerifiedCheckpoint {
  origin: string
  size: number
}

export type CheckpointVerdict = { verified: true; checkpoint: VerifiedCheckpoint } | { verified: false; reason: string }

const ED25519 = 0x01

function bytes(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64)
  const all = new Uint8Array(new ArrayBuffer(text.length))
  for (let i = 0; i < text.length; i++) {
    all[i] = text.charCodeAt(i)
  }
  return all
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const all = new Uint8Array(new ArrayBuffer(parts.reduce((length, part) => length + part.length, 0)))
  let at = 0
  for (const part of parts) {
    all.set(part, at)
    at += part.length
  }
  return all
}

async function keyHash(name: string, key: Uint8Array): Promise<Uint8Array> {
  const digest = await crypto.subtle.digest('SHA-256', concat(new TextEncoder().encode(`${name}\n`), key))
  return new Uint8Array(digest).slice(0, 4)
}

export async function verifyCheckpoint(note: string, vkey: string): Promise<CheckpointVerdict> {
  // the base64 key may itself hold '+': only the first two separate the parts
  const [name, hashHex, ...rest] = vkey.trim().split('+')
  const keyBase64 = rest.join('+')
  if (!name || !hashHex || !keyBase64) {
    return { verified: false, reason: 'the verifier key is not a vkey' }
  }
  const key = bytes(keyBase64)
  if (key.length !== 33 || key[0] !== ED25519) {
    return { verified: false, reason: 'the verifier key is not an Ed25519 key' }
  }
  const split = note.indexOf('\n\n')
  if (split < 0) {
    return { verified: false, reason: 'the checkpoint is not a signed note' }
  }
  const text = note.slice(0, split + 1)
  const [origin, sizeLine] = text.split('\n')
  const size = Number(sizeLine)
  if (origin !== name || !Number.isSafeInteger(size) || size < 0) {
    return { verified: false, reason: 'the checkpoint is not one of this log' }
  }
  const hash = await keyHash(name, key)
  const publicKey = await crypto.subtle.importKey('raw', key.slice(1), { name: 'Ed25519' }, false, ['verify'])
  for (const line of note.slice(split + 2).split('\n')) {
    const match = /^— (\S+) (\S+)$/.exec(line)
    if (match === null || match[1] !== name) {
      continue
    }
    const signature = bytes(match[2])
    if (signature.length !== 68 || !signature.slice(0, 4).every((b, i) => b === hash[i])) {
      continue
    }
    const good = await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, signature.slice(4),
      new TextEncoder().encode(text))
    return good ? { verified: true, checkpoint: { origin, size } }
      : { verified: false, reason: 'the log key’s signature does not verify' }
  }
  return { verified: false, reason: 'no signature by the log key' }
}
