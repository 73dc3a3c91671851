/**
 * Preloaded (`node --import`) into the delivery section's two bot processes (bench/delivery.ts): records,
 * inside the bot's own process, when each interaction came in and when its answer left, so that the
 * gateway bot and the HTTP worker are compared without the round trip and the local Discord's work.
 *
 * - Gateway bot: in = the gateway socket's 'data' event (the frame read from the kernel); ready = undici
 *   creates the callback POST (discord.js has encoded and queued it); out = undici has built the request
 *   head and is about to write it (its 'sendHeaders' channel).
 * - HTTP worker: the endpoint's own marks (src/http/interaction-timing.ts): in = the 'request' event, then
 *   body read, signature checked, parsed, dispatched, ready = the inline answer in hand, out = the response
 *   head built and its bytes about to be written (as undici's headers above: neither side's socket write is
 *   counted), ended = res.end() returned.
 *
 * The parent asks with { type: 'delivery-spans' } (between rows) and gets every record since its last
 * question, the heap in use after a full GC (the probes run with --expose-gc) and the event loop's
 * utilisation since then.
 */
import { subscribe } from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';

const CALLBACK_PATH = /\/interactions\/(\d+)\/[^/]+\/callback/;
let records = [];
let lastGatewayData = Number.NaN;
const created = new Map();

// The gateway connection: `ws` upgrades an http.request; its socket is in flowing mode already, so one more
// 'data' listener changes nothing for it (a listener on undici's or the HTTP server's sockets would).
subscribe('http.client.request.start', ({ request }) => {
  if (String(request.getHeader('upgrade') ?? '').toLowerCase() !== 'websocket') return;
  request.prependListener('upgrade', (_res, socket) => {
    socket.prependListener('data', () => {
      lastGatewayData = performance.now();
    });
  });
});
subscribe('undici:request:create', ({ request }) => {
  const id = CALLBACK_PATH.exec(request.path)?.[1];
  if (id) created.set(request, { interactionId: id, in: lastGatewayData, ready: performance.now() });
});
subscribe('undici:client:sendHeaders', ({ request }) => {
  const record = created.get(request);
  if (!record) return;
  created.delete(request);
  records.push({ ...record, out: performance.now() });
});
subscribe('pitboard:http:interaction-timing', (t) => {
  records.push({
    interactionId: t.interactionId,
    in: t.received,
    bodyRead: t.bodyRead,
    verified: t.verified,
    parsed: t.parsed,
    dispatched: t.dispatched,
    ready: t.answered,
    out: t.writing,
    ended: t.ended,
  });
});

let elu = performance.eventLoopUtilization();
process.on('message', (message) => {
  if (message?.type !== 'delivery-spans') return;
  const now = performance.eventLoopUtilization();
  const since = performance.eventLoopUtilization(now, elu);
  elu = now;
  // Between rows, outside any timing: the heap a leak would grow, not the garbage of the last block.
  globalThis.gc?.();
  const sent = records;
  records = [];
  process.send?.({
    type: 'delivery-spans',
    records: sent,
    heapUsed: process.memoryUsage().heapUsed,
    eventLoopUtilization: since.utilization,
  });
});
