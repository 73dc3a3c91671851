import { generateKeyPairSync, sign } from 'node:crypto';
import { checkSignature, importPublicKey } from '../src/http/signature.js';
import { parseInteractionPayload } from '../src/http/interaction-payload.js';
const payload = {"id":"1577629188934991872","application_id":"1191168914227200001","type":2,"token":"aW50ZXJhY3Rpb24_1_bzs0xqx8o4mx5yz8xz","version":1,"locale":"en-US","entitlements":[],"attachment_size_limit":10485760,"guild_id":"1191168914231525377","guild":{"id":"1191168914231525377","locale":"en-US","features":[]},"guild_locale":"en-US","channel_id":"1191168914227462145","channel":{"id":"1191168914227462145","type":0,"name":"general","position":0,"parent_id":null,"topic":null,"nsfw":false,"last_message_id":null,"rate_limit_per_user":0,"permission_overwrites":[],"flags":0,"guild_id":"1191168914231525377","permissions":"277129710657"},"member":{"user":{"id":"401","username":"user401","discriminator":"0","global_name":null,"avatar":null,"public_flags":0,"flags":0},"roles":[],"premium_since":null,"permissions":"277129710657","pending":false,"nick":null,"mute":false,"joined_at":"2026-12-02T10:15:07.861Z","flags":0,"deaf":false,"communication_disabled_until":null,"unusual_dm_activity_until":null,"banner":null,"avatar":null},"app_permissions":"277129710657","authorizing_integration_owners":{"0":"1191168914231525377"},"context":0,"data":{"id":"1577629184208011266","name":"driver","type":1,"options":[{"name":"name","type":3,"value":"Buhk"}],"guild_id":"1191168914231525377"}};
const body = Buffer.from(JSON.stringify(payload));
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const hex = Buffer.from(String(publicKey.export({ format: 'jwk' }).x), 'base64url').toString('hex');
const key = importPublicKey(hex);
const ts = String(Math.floor(Date.now() / 1000));
const sig = sign(null, Buffer.concat([Buffer.from(ts), body]), privateKey).toString('hex');
const time = (label: string, f: () => unknown, n = 5000) => { for (let i = 0; i < 1000; i++) f(); const t0 = performance.now(); for (let i = 0; i < n; i++) f(); console.log(label.padEnd(20), (((performance.now() - t0) / n) * 1000).toFixed(2), 'µs'); };
for (let r = 0; r < 2; r++) {
time('checkSignature', () => checkSignature(key, { signature: sig, timestamp: ts, body }, Date.now()));
time('sign (Discord)', () => sign(null, Buffer.concat([Buffer.from(ts), body]), privateKey));
time('parse payload', () => parseInteractionPayload(body), 20000);
time('JSON.parse only', () => JSON.parse(body.toString('utf8')), 20000);
}
