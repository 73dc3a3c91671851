import { generateKeyPairSync, sign } from 'node:crypto';
import { checkSignature, importPublicKey } from '../src/http/signature.js';
import { median } from './stats.js';

/**
 * What the HTTP endpoint must do that a gateway bot never does: check the Ed25519 signature over
 * timestamp + body (Discord revokes endpoints that skip it). Timed here with the endpoint's own
 * checkSignature over a body of the size delivered, in this process: microseconds per request, the median
 * of `batches` batch means (drift and GC hit single batches, not the median).
 */
export function measureVerification(
  body: Uint8Array,
  { batches = 30, perBatch = 100 } = {},
): { medianUs: number; bodyBytes: number } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const key = importPublicKey(
    Buffer.from(String(publicKey.export({ format: 'jwk' }).x), 'base64url').toString('hex'),
  );
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.concat([Buffer.from(timestamp), body]), privateKey).toString('hex');
  const request = { signature, timestamp, body };
  const check = () => {
    if (!checkSignature(key, request, Date.now()).ok)
      throw new Error('the verification benchmark signed badly');
  };
  for (let i = 0; i < perBatch; i++) check();
  const means: number[] = [];
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < perBatch; i++) check();
    means.push(((performance.now() - t0) * 1000) / perBatch);
  }
  return { medianUs: median(means), bodyBytes: body.byteLength };
}
