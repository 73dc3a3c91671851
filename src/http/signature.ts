import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** A timestamp further than this from our clock is refused: a captured request cannot be replayed later. */
export const MAX_SIGNATURE_AGE_SECONDS = 5 * 60;

// DER prefix of an SPKI Ed25519 public key; the 32 raw key bytes follow it.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const HEX_32_BYTES = /^[0-9a-fA-F]{64}$/;
const HEX_64_BYTES = /^[0-9a-fA-F]{128}$/;
const UNIX_SECONDS = /^\d{1,12}$/;

/** The application's public key (64 hex digits, as the Developer Portal shows it) as a node:crypto key. */
export function importPublicKey(hex: string): KeyObject {
  if (!HEX_32_BYTES.test(hex)) throw new Error('the public key must be 64 hex digits');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  /** The raw body bytes, exactly as received: the signature covers these, not a re-serialisation. */
  body: Uint8Array;
}

export type SignatureCheck = { ok: true } | { ok: false; problem: string };

/**
 * Discord's check: `X-Signature-Ed25519` must be the Ed25519 signature of `X-Signature-Timestamp` followed
 * by the raw body, made with the application's key. Also refuses timestamps outside
 * {@link MAX_SIGNATURE_AGE_SECONDS} of `nowMs`. Pure apart from the key object; never throws.
 */
export function checkSignature(key: KeyObject, request: SignedRequest, nowMs: number): SignatureCheck {
  const { signature, timestamp, body } = request;
  if (!signature || !timestamp) return { ok: false, problem: 'missing signature headers' };
  if (!HEX_64_BYTES.test(signature)) return { ok: false, problem: 'malformed signature' };
  if (!UNIX_SECONDS.test(timestamp)) return { ok: false, problem: 'malformed timestamp' };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SIGNATURE_AGE_SECONDS)
    return { ok: false, problem: 'stale timestamp' };
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  const valid = verify(null, signed, key, Buffer.from(signature, 'hex'));
  return valid ? { ok: true } : { ok: false, problem: 'bad signature' };
}
