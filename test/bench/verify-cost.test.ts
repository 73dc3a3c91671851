import { expect, test } from 'vitest';
import { deliveryBudget } from '../../bench/budgets.js';
import type { DeliveryResult } from '../../bench/delivery.js';
import { measureVerification } from '../../bench/verify-cost.js';

test('the verification cost is timed over a body of the size delivered, with the endpoint’s own check', () => {
  const cost = measureVerification(Buffer.from('{"type":2}'.padEnd(1500, ' ')), { batches: 3, perBatch: 5 });
  expect(cost.bodyBytes).toBe(1500);
  expect(cost.medianUs).toBeGreaterThan(0);
});

test('the HTTP budget line shows the verification cost beside the round trip', () => {
  const row = {
    label: '/driver Buhk',
    samples: 10,
    gatewayMedianMs: 0.5,
    gatewayFloorMs: 0.5,
    httpMedianMs: 0.58,
    httpFloorMs: 0.58,
    inProcess: { gatewayMs: 0.25, httpMs: 0.265, httpWithoutCheckMs: 0.18, httpCheckMs: 0.085 },
  };
  const d = { rows: [row], verification: { medianUs: 85, bodyBytes: 1200 } } as unknown as DeliveryResult;
  expect(deliveryBudget(d).measured).toBe(
    'inside: 1/1 within; round trip (issue 14, reported, not counted): worst /driver Buhk 580 µs vs 500 µs, 0/1 within; Ed25519 verification alone 85 µs per request',
  );
});
