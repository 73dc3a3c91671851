/**
 * The REST routes under /api/v10: gateway info, users and the application here; commands, the interaction
 * callback, webhooks, channels, pins and guilds from their own modules. Every handler's checks go through
 * the prologue (route-prologue.ts), whose refusals are answered here.
 */
import { buildCallbackRoute } from './callback-route.js';
import { buildChannelRoutes } from './channel-routes.js';
import { buildCommandRoutes } from './command-routes.js';
import type { RouteDef } from './http.js';
import { buildPinRoutes } from './pin-routes.js';
import { createRouteKit, type RouteCore, type RouteKit } from './route-kit.js';
import { answerRefusals, createPrologue, ok } from './route-prologue.js';
import { buildWebhookRoutes } from './webhook-routes.js';

export function buildRoutes(core: RouteCore): RouteDef[] {
  const kit = createRouteKit(
    core,
    createPrologue(core.state, core.interactions, core.recordValidationFailure),
  );
  return answerRefusals([
    // Before the channel routes: `/channels/:channelId/messages/pins` would match `…/messages/:messageId`.
    ...buildPinRoutes(kit),
    ...buildInfoRoutes(kit),
    ...buildCommandRoutes(kit, 'global'),
    ...buildCommandRoutes(kit, 'guild'),
    buildCallbackRoute(kit),
    ...buildWebhookRoutes(kit),
    ...buildChannelRoutes(kit),
    ...buildGuildRoutes(kit),
  ]);
}

/** The gateway's address, the bot user, users, the application. */
function buildInfoRoutes({ state, gateway, recommendedShards }: RouteKit): RouteDef[] {
  return [
    { method: 'GET', template: '/gateway', auth: 'none', handler: () => ok({ url: gateway.url }) },
    {
      method: 'GET',
      template: '/gateway/bot',
      auth: 'bot',
      handler: () =>
        ok({
          url: gateway.url,
          shards: recommendedShards ?? Math.max(1, Math.ceil(state.guilds.size / 1000)),
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        }),
    },
    {
      method: 'GET',
      template: '/users/@me',
      auth: 'bot',
      handler: () =>
        ok({ ...state.userJson(state.botUser), verified: true, mfa_enabled: false, locale: 'en-US' }),
    },
    {
      method: 'GET',
      template: '/users/:userId',
      auth: 'bot',
      handler: (req) => {
        const user = state.users.get(req.params.userId ?? '');
        return user
          ? ok(state.userJson(user))
          : { status: 404, body: { message: 'Unknown User', code: 10013 } };
      },
    },
    {
      method: 'GET',
      template: '/applications/@me',
      auth: 'bot',
      handler: () =>
        ok({
          id: state.applicationId,
          name: state.botUser.username,
          icon: null,
          description: '',
          summary: '',
          type: null,
          bot: state.userJson(state.botUser),
          bot_public: true,
          bot_require_code_grant: false,
          verify_key: '0'.repeat(64),
          flags: 0,
          owner: state.userJson(
            state.ensureUser(state.guilds.values().next().value?.ownerId ?? state.nextUserId()),
          ),
          team: null,
          approximate_guild_count: state.guilds.size,
          integration_types_config: { '0': {} },
          tags: [],
        }),
    },
  ];
}

function buildGuildRoutes({ state, need }: RouteKit): RouteDef[] {
  return [
    {
      method: 'GET',
      template: '/guilds/:guildId',
      auth: 'bot',
      handler: (req) => {
        const guild = need.guild(req);
        return ok({
          ...state.guildJson(guild),
          ...(req.query.get('with_counts') === 'true'
            ? { approximate_member_count: guild.memberCount, approximate_presence_count: 0 }
            : {}),
        });
      },
    },
    {
      method: 'GET',
      template: '/guilds/:guildId/channels',
      auth: 'bot',
      handler: (req) => {
        const guild = need.guild(req);
        return ok(guild.channels.filter((c) => c.exists).map((c) => state.channelJson(c)));
      },
    },
    {
      method: 'GET',
      template: '/guilds/:guildId/roles',
      auth: 'bot',
      handler: (req) => ok(state.roleJson(need.guild(req))),
    },
    {
      method: 'GET',
      template: '/guilds/:guildId/members/:userId',
      auth: 'bot',
      handler: (req) => {
        const guild = need.guild(req);
        if (req.params.userId === state.botUser.id) return ok(state.botMemberJson(guild));
        const user = state.users.get(req.params.userId ?? '');
        if (!user) return { status: 404, body: { message: 'Unknown Member', code: 10007 } };
        return ok(state.memberJson(guild, user, []));
      },
    },
  ];
}

/** Every route template the local Discord answers, for fault and bucket rules. */
export type RouteTemplate =
  | '/gateway'
  | '/gateway/bot'
  | '/users/@me'
  | '/users/:userId'
  | '/applications/@me'
  | '/applications/:applicationId/commands'
  | '/applications/:applicationId/commands/:commandId'
  | '/applications/:applicationId/guilds/:guildId/commands'
  | '/applications/:applicationId/guilds/:guildId/commands/:commandId'
  | '/interactions/:interactionId/:interactionToken/callback'
  | '/webhooks/:applicationId/:interactionToken'
  | '/webhooks/:applicationId/:interactionToken/messages/:messageId'
  | '/channels/:channelId'
  | '/channels/:channelId/messages'
  | '/channels/:channelId/messages/:messageId'
  | '/guilds/:guildId'
  | '/guilds/:guildId/channels'
  | '/guilds/:guildId/roles'
  | '/guilds/:guildId/members/:userId';
