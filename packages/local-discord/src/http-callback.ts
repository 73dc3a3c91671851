/** Wires HTTP delivery to the REST callback route: an endpoint's inline answer is judged as a callback is. */

import { CALLBACK_TEMPLATE } from './callback-route.js';
import { parseBody, type RouteDef } from './http.js';
import { type EndpointAnswer, HttpDelivery } from './http-delivery.js';
import type { InteractionRecord } from './interaction-record.js';

export function createHttpDelivery(routes: readonly RouteDef[], timeoutMs: number): HttpDelivery {
  const callback = routes.find((r) => r.method === 'POST' && r.template === CALLBACK_TEMPLATE);
  if (!callback) throw new Error('the interaction callback route is missing');
  const applyAnswer = async (record: InteractionRecord, answer: EndpointAnswer) => {
    const parsed = await parseBody(answer.body, answer.contentType);
    if (parsed === 'invalid') {
      record.fail('the endpoint answered a body that is neither JSON nor multipart/form-data');
      return;
    }
    const response = await callback.handler({
      method: 'POST',
      path: `/interactions/${record.id}/${record.token}/callback`,
      template: CALLBACK_TEMPLATE,
      params: { interactionId: record.id, interactionToken: record.token },
      query: new URLSearchParams(),
      headers: answer.contentType ? { 'content-type': answer.contentType } : {},
      botAuth: false,
      body: parsed.body,
      files: parsed.files,
      now: Date.now(),
      arrivedAt: answer.arrivedAt,
    });
    if (response.status >= 400)
      record.fail(`the inline answer was refused (${response.status}): ${JSON.stringify(response.body)}`);
  };
  return new HttpDelivery({ applyAnswer, timeoutMs });
}
