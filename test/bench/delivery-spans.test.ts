import { expect, test } from 'vitest';
import { httpStages, inProcessTimes, type SpanReport } from '../../bench/delivery-spans.js';

const report = (records: SpanReport['records']): SpanReport => ({
  records,
  heapUsed: 0,
  eventLoopUtilization: 0,
});

test('in-process times count only the command’s interactions, and subtract each request’s own check', () => {
  const gateway = report([
    { interactionId: 'c1', in: 0, ready: 0.2, out: 0.3 },
    { interactionId: 'f1', in: 1, ready: 1.1, out: 1.1 },
  ]);
  const http = report([
    { interactionId: 'c2', in: 0, bodyRead: 0.05, verified: 0.15, ready: 0.3, out: 0.4 },
    { interactionId: 'f2', in: 1, bodyRead: 1.05, verified: 1.1, ready: 1.2, out: 1.25 },
  ]);
  const t = inProcessTimes(gateway, http, new Set(['c1', 'c2']));
  expect(t.gatewayMs).toBeCloseTo(0.3);
  expect(t.httpMs).toBeCloseTo(0.4);
  expect(t.httpCheckMs).toBeCloseTo(0.1);
  expect(t.httpWithoutCheckMs).toBeCloseTo(0.3);
});

test('HTTP stages are medians from the request event', () => {
  const at = (base: number) => ({
    interactionId: String(base),
    in: base,
    bodyRead: base + 0.01,
    verified: base + 0.1,
    parsed: base + 0.12,
    dispatched: base + 0.15,
    ready: base + 0.16,
    out: base + 0.2,
  });
  const stages = httpStages([at(0), at(5), at(9)]);
  expect(stages.verified).toBeCloseTo(0.1);
  expect(stages.out).toBeCloseTo(0.2);
});
