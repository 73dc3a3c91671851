import type { IncomingMessage } from 'node:http';

export type BodyRead = { ok: true; body: Buffer } | { ok: false; status: 408 | 413; problem: string };

/**
 * The raw body of a request, refused once it grows past `maxBytes` (413) or takes longer than `timeoutMs`
 * to arrive (408): a slow or huge sender cannot hold a worker. Never rejects.
 */
export function readBoundedBody(
  req: IncomingMessage,
  maxBytes: number,
  timeoutMs: number,
): Promise<BodyRead> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve(tooLarge(maxBytes));
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyRead) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onError);
      if (!result.ok) req.resume();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) finish(tooLarge(maxBytes));
      else chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks, size) });
    const onError = () => finish({ ok: false, status: 408, problem: 'the request body was cut off' });
    const timer = setTimeout(
      () => finish({ ok: false, status: 408, problem: `the request body took longer than ${timeoutMs} ms` }),
      timeoutMs,
    );
    req.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onError);
  });
}

function tooLarge(maxBytes: number): BodyRead {
  return { ok: false, status: 413, problem: `the request body is larger than ${maxBytes} bytes` };
}
