import { channel } from 'node:diagnostics_channel';

/**
 * Where an HTTP interaction's time goes inside the endpoint, published on the diagnostics channel
 * {@link INTERACTION_TIMING_CHANNEL} once the response has been handed to the socket (the benchmark
 * subscribes; nothing is measured or published while nobody does). `performance.now()` milliseconds.
 */
export interface InteractionTiming {
  interactionId: string;
  /** The 'request' event: headers parsed. */
  received: number;
  /** The whole body read. */
  bodyRead: number;
  /** The Ed25519 signature checked. */
  verified: number;
  /** The body parsed and validated as an interaction. */
  parsed: number;
  /** The dispatch call returned (the handler's synchronous part ran). */
  dispatched: number;
  /** The inline answer was offered and this request resumed with it. */
  answered: number;
  /** The response head built (writeHead), its bytes about to be written. */
  writing: number;
  /** res.end() returned: the response handed to the socket. */
  ended: number;
}

export const INTERACTION_TIMING_CHANNEL = 'pitboard:http:interaction-timing';

const timingChannel = channel(INTERACTION_TIMING_CHANNEL);

/** Marks for one request, or null when nobody listens (the cost of an unobserved request: one check). */
export function startTiming(): Partial<InteractionTiming> | null {
  return timingChannel.hasSubscribers ? { received: performance.now() } : null;
}

export function publishTiming(timing: Partial<InteractionTiming>): void {
  timingChannel.publish(timing);
}
