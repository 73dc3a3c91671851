/** Discord's error answers (status, JSON code and message) as the routes send them. */
import type { RestResponse } from './http.js';

export function apiError(status: number, code: number, message: string, errors?: unknown): RestResponse {
  return { status, body: errors === undefined ? { message, code } : { message, code, errors } };
}

export const Errors = {
  unauthorized: () => apiError(401, 0, '401: Unauthorized'),
  notFound: () => apiError(404, 0, '404: Not Found'),
  unknownChannel: () => apiError(404, 10003, 'Unknown Channel'),
  unknownGuild: () => apiError(404, 10004, 'Unknown Guild'),
  unknownMessage: () => apiError(404, 10008, 'Unknown Message'),
  unknownWebhook: () => apiError(404, 10015, 'Unknown Webhook'),
  unknownInteraction: () => apiError(404, 10062, 'Unknown interaction'),
  unknownCommand: () => apiError(404, 10063, 'Unknown application command'),
  alreadyAcknowledged: () => apiError(400, 40060, 'Interaction has already been acknowledged.'),
  missingAccess: () => apiError(403, 50001, 'Missing Access'),
  missingPermissions: () => apiError(403, 50013, 'Missing Permissions'),
  emptyMessage: () => apiError(400, 50006, 'Cannot send an empty message'),
  invalidWebhookToken: () => apiError(401, 50027, 'Invalid Webhook Token'),
  invalidFormBody: (errors: unknown) => apiError(400, 50035, 'Invalid Form Body', errors),
  invalidJson: () => apiError(400, 50109, 'The request body contains invalid JSON.'),
  tooLarge: () => apiError(413, 40005, 'Request entity too large'),
};
