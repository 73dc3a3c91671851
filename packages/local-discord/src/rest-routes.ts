/** REST route handlers under /api/v10: gateway info, users, commands, interactions, webhooks, channels, guilds. */
import type { GatewayServer } from './gateway.js';
import { Intent } from './gateway.js';
import { Errors, type RestRequest, type RestResponse, type RouteDef } from './http.js';
import type { InteractionRecord, InteractionRegistry } from './interactions.js';
import { applyEdit, buildMessage, createAttachments, MessageFlag } from './messages.js';
import { type ChannelRecord, type Json, type LocalState, Permission, type StoredCommand } from './state.js';
import {
  toFormErrors,
  type ValidationProblem,
  validateCommandDefinition,
  validateCommandList,
  validateInteractionCallback,
  validateMessageCreate,
  validateMessageEdit,
  validateWebhookEdit,
  validateWebhookMessage,
} from './validation.js';

export interface RouteCore {
  state: LocalState;
  gateway: GatewayServer;
  interactions: InteractionRegistry;
  nonceWindowMs: number;
  /** The shard count /gateway/bot recommends; default one per 1,000 guilds, as Discord roughly does. */
  recommendedShards?: number;
  recordValidationFailure(req: RestRequest, problems: ValidationProblem[]): void;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ok = (body: unknown, status = 200): RestResponse => ({ status, body });
const noContent = (): RestResponse => ({ status: 204 });

const CREATE_FLAGS =
  MessageFlag.SuppressEmbeds | MessageFlag.SuppressNotifications | MessageFlag.IsComponentsV2;
const INTERACTION_FLAGS = CREATE_FLAGS | MessageFlag.Ephemeral;

export function buildRoutes(core: RouteCore): RouteDef[] {
  const { state, gateway, interactions } = core;

  /** 400 response for a body with problems, or null when it is valid. */
  const reject = (req: RestRequest, problems: ValidationProblem[]): RestResponse | null => {
    if (problems.length === 0) return null;
    core.recordValidationFailure(req, problems);
    if (problems.every((p) => p.discordCode === 50006)) return Errors.emptyMessage();
    return Errors.invalidFormBody(toFormErrors(problems));
  };

  const botMessage = (
    channelId: string,
    guildId: string | null,
    body: Json,
    attachments: Json[],
    extra: {
      type?: number;
      flags?: number;
      interaction?: InteractionRecord;
      nonce?: string | number;
      dropEmbeds?: boolean;
      now: number;
    },
  ): Json => {
    const interaction = extra.interaction;
    const message = buildMessage(state, {
      id: state.ids.next(extra.now),
      channelId,
      guildId,
      author: state.botUser,
      body,
      attachments,
      type: extra.type ?? 0,
      flags: extra.flags ?? 0,
      nonce: extra.nonce,
      dropEmbeds: extra.dropEmbeds,
      now: extra.now,
      ...(interaction
        ? {
            webhookId: state.applicationId,
            applicationId: state.applicationId,
            interactionMetadata: {
              id: interaction.id,
              type: interaction.type,
              user: (interaction.payload.member as Json | undefined)?.user ?? interaction.payload.user,
              authorizing_integration_owners: interaction.payload.authorizing_integration_owners,
            },
          }
        : {}),
    });
    if (interaction && interaction.type === 2) {
      message.interaction = {
        id: interaction.id,
        type: 2,
        name: (interaction.payload.data as Json | undefined)?.name,
        user: (interaction.payload.member as Json | undefined)?.user ?? interaction.payload.user,
      };
    }
    return message;
  };

  const announce = (message: Json) => {
    const flags = typeof message.flags === 'number' ? message.flags : 0;
    if (flags & MessageFlag.Ephemeral) return;
    const guildId = typeof message.guild_id === 'string' ? message.guild_id : null;
    gateway.dispatch(guildId, 'MESSAGE_CREATE', message, Intent.GuildMessages);
  };

  // --------------------------------------------------------------------------------------------------------
  // Commands

  const commandList = (guildId: string | null): StoredCommand[] | undefined => {
    if (guildId === null) return state.globalCommands;
    if (!state.guilds.has(guildId)) return undefined;
    let list = state.guildCommands.get(guildId);
    if (!list) {
      list = [];
      state.guildCommands.set(guildId, list);
    }
    return list;
  };

  const storeCommand = (
    def: Json,
    guildId: string | null,
    existing: StoredCommand | undefined,
  ): StoredCommand => {
    const clean = JSON.parse(JSON.stringify(def)) as Json;
    const type = typeof clean.type === 'number' ? clean.type : 1;
    const perms = clean.default_member_permissions;
    const body: Json = {
      type,
      name: clean.name,
      name_localizations: clean.name_localizations ?? null,
      description: clean.description ?? '',
      description_localizations: clean.description_localizations ?? null,
      default_member_permissions: perms === undefined || perms === null ? null : String(perms),
      contexts: clean.contexts ?? null,
      integration_types: clean.integration_types ?? [0],
      nsfw: clean.nsfw ?? false,
      ...(Array.isArray(clean.options) && clean.options.length > 0 ? { options: clean.options } : {}),
      ...(guildId ? { guild_id: guildId } : { dm_permission: clean.dm_permission ?? true }),
    };
    const same =
      existing &&
      JSON.stringify({ ...existing, id: 0, version: 0, application_id: 0 }) ===
        JSON.stringify({ ...body, id: 0, version: 0, application_id: 0 });
    return {
      ...body,
      id: existing?.id ?? state.ids.next(),
      application_id: state.applicationId,
      version: same && existing ? existing.version : state.ids.next(),
      name: String(clean.name),
      type,
    };
  };

  const appGuard = (req: RestRequest): RestResponse | null =>
    req.params.applicationId === state.applicationId ? null : Errors.missingAccess();

  const commandRoutes = (scope: 'global' | 'guild'): RouteDef[] => {
    const base =
      scope === 'global'
        ? '/applications/:applicationId/commands'
        : '/applications/:applicationId/guilds/:guildId/commands';
    const listFor = (req: RestRequest) => commandList(scope === 'global' ? null : (req.params.guildId ?? ''));
    return [
      {
        method: 'GET',
        template: base,
        auth: 'bot',
        handler: (req) => {
          const list = listFor(req);
          return appGuard(req) ?? (list ? ok(list) : Errors.missingAccess());
        },
      },
      {
        method: 'PUT',
        template: base,
        auth: 'bot',
        handler: (req) => {
          const guard = appGuard(req);
          if (guard) return guard;
          const list = listFor(req);
          if (!list) return Errors.missingAccess();
          const bad = reject(req, validateCommandList(req.body));
          if (bad) return bad;
          const defs = (req.body as unknown[]).filter(isObject);
          const next = defs.map((def) =>
            storeCommand(
              def,
              scope === 'global' ? null : (req.params.guildId ?? null),
              list.find((c) => c.name === def.name && c.type === (def.type ?? 1)),
            ),
          );
          list.splice(0, list.length, ...next);
          return ok(next);
        },
      },
      {
        method: 'POST',
        template: base,
        auth: 'bot',
        handler: (req) => {
          const guard = appGuard(req);
          if (guard) return guard;
          const list = listFor(req);
          if (!list) return Errors.missingAccess();
          const bad = reject(req, validateCommandDefinition(req.body));
          if (bad) return bad;
          const def = req.body as Json;
          const index = list.findIndex((c) => c.name === def.name && c.type === (def.type ?? 1));
          const stored = storeCommand(
            def,
            scope === 'global' ? null : (req.params.guildId ?? null),
            list[index],
          );
          if (index >= 0) list[index] = stored;
          else list.push(stored);
          return ok(stored, index >= 0 ? 200 : 201);
        },
      },
      {
        method: 'GET',
        template: `${base}/:commandId`,
        auth: 'bot',
        handler: (req) => {
          const found = listFor(req)?.find((c) => c.id === req.params.commandId);
          return appGuard(req) ?? (found ? ok(found) : Errors.unknownCommand());
        },
      },
      {
        method: 'PATCH',
        template: `${base}/:commandId`,
        auth: 'bot',
        handler: (req) => {
          const list = listFor(req);
          const index = list?.findIndex((c) => c.id === req.params.commandId) ?? -1;
          const current = list?.[index];
          if (!list || !current) return appGuard(req) ?? Errors.unknownCommand();
          const merged = { ...current, ...(isObject(req.body) ? req.body : {}) };
          const bad = reject(req, validateCommandDefinition(merged));
          if (bad) return bad;
          const stored = storeCommand(
            merged,
            scope === 'global' ? null : (req.params.guildId ?? null),
            current,
          );
          list[index] = stored;
          return ok(stored);
        },
      },
      {
        method: 'DELETE',
        template: `${base}/:commandId`,
        auth: 'bot',
        handler: (req) => {
          const list = listFor(req);
          const index = list?.findIndex((c) => c.id === req.params.commandId) ?? -1;
          if (!list || index < 0) return appGuard(req) ?? Errors.unknownCommand();
          list.splice(index, 1);
          return noContent();
        },
      },
    ];
  };

  // --------------------------------------------------------------------------------------------------------
  // Interactions

  const interactionCallback = (req: RestRequest): RestResponse => {
    const record = interactions.byId.get(req.params.interactionId ?? '');
    const refuse = (response: RestResponse) => {
      const body = response.body as { code: number; message: string };
      record?.rejectedCallbacks.push({
        at: req.now,
        status: response.status,
        code: body.code,
        message: body.message,
      });
      return response;
    };
    if (!record || record.token !== req.params.interactionToken) return Errors.unknownInteraction();
    if (record.callback) return refuse(Errors.alreadyAcknowledged());
    if (record.isExpiredForCallback(req.now)) return refuse(Errors.unknownInteraction());
    const bad = reject(
      req,
      validateInteractionCallback(req.body, {
        files: req.files.length,
        interactionType: record.type,
        focusedOptionType: record.focusedOptionType,
      }),
    );
    if (bad) return refuse(bad);
    const body = req.body as Json;
    const type = body.type as number;
    const data = isObject(body.data) ? body.data : undefined;
    let message: Json | undefined;
    let finalValue: Json | undefined;
    const channel = state.channels.get(record.channelId);
    const dropEmbeds = channel ? (state.botPermissions(channel) & Permission.EmbedLinks) === 0n : false;
    if (type === 4 || type === 5) {
      const attachments = createAttachments(state, record.channelId, data?.attachments, req.files);
      const flags = ((data?.flags as number | undefined) ?? 0) & INTERACTION_FLAGS;
      message = botMessage(record.channelId, record.guildId, type === 4 ? (data ?? {}) : {}, attachments, {
        type: record.type === 2 ? 20 : 0,
        flags: type === 5 ? flags | MessageFlag.Loading : flags,
        interaction: record,
        dropEmbeds: dropEmbeds && type === 4 && (flags & MessageFlag.Ephemeral) === 0,
        now: req.now,
      });
      state.storeMessage({
        message,
        channelId: record.channelId,
        deleted: false,
        source: 'interaction',
        interactionId: record.id,
        createdAt: req.now,
      });
      record.originalMessageId = String(message.id);
      if (type === 4) {
        finalValue = structuredClone(message);
        announce(message);
      }
    } else if (type === 7) {
      const stored = record.componentMessageId ? state.messages.get(record.componentMessageId) : undefined;
      if (stored) {
        const attachments = createAttachments(state, record.channelId, data?.attachments, req.files);
        applyEdit(state, stored.message, data ?? {}, attachments, req.now);
        message = stored.message;
        finalValue = structuredClone(message);
      }
    } else if (type === 8 || type === 9) {
      finalValue = structuredClone(data ?? {});
    } else if (type === 6) {
      message = record.original;
    }
    record.recordCallback(
      {
        type,
        data: data ? structuredClone(data) : undefined,
        files: req.files.map((f) => ({
          filename: f.filename,
          size: f.data.length,
          contentType: f.contentType,
        })),
        at: req.now,
        arrivedAt: req.arrivedAt,
        latencyMs: req.now - record.dispatchedAt,
        withResponse: req.query.get('with_response') === 'true',
      },
      finalValue,
    );
    if (req.query.get('with_response') !== 'true') return noContent();
    const flags = typeof message?.flags === 'number' ? message.flags : 0;
    return ok({
      interaction: {
        id: record.id,
        type: record.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: (flags & MessageFlag.Loading) !== 0,
              response_message_ephemeral: (flags & MessageFlag.Ephemeral) !== 0,
            }
          : {}),
      },
      ...(message && type !== 6 ? { resource: { type, message } } : { resource: { type } }),
    });
  };

  /** The interaction behind a webhook, or the error Discord would answer. */
  const webhookInteraction = (req: RestRequest): InteractionRecord | RestResponse => {
    if (req.params.applicationId !== state.applicationId) return Errors.unknownWebhook();
    const record = interactions.byToken.get(req.params.interactionToken ?? '');
    if (!record || record.isTokenExpired(req.now)) return Errors.invalidWebhookToken();
    if (!record.callback || record.callback.type === 8) return Errors.unknownWebhook();
    return record;
  };

  const webhookMessage = (req: RestRequest, record: InteractionRecord) => {
    const id = req.params.messageId === '@original' ? record.originalMessageId : req.params.messageId;
    const stored = id ? state.messages.get(id) : undefined;
    if (!stored || stored.deleted) return undefined;
    const belongs =
      id === record.originalMessageId ||
      record.followUps.some((m) => m.id === id) ||
      stored.interactionId === record.id;
    return belongs ? stored : undefined;
  };

  // --------------------------------------------------------------------------------------------------------
  // Channels

  const visibleChannel = (req: RestRequest): ChannelRecord | RestResponse => {
    const channel = state.channels.get(req.params.channelId ?? '');
    if (!channel?.exists) return Errors.unknownChannel();
    // A channel of a guild the bot has left still exists, but is out of reach.
    if (!state.guilds.has(channel.guildId)) return Errors.missingAccess();
    if ((state.botPermissions(channel) & Permission.ViewChannel) === 0n) return Errors.missingAccess();
    return channel;
  };

  const createChannelMessage = (req: RestRequest): RestResponse => {
    const channel = visibleChannel(req);
    if (!('id' in channel)) return channel;
    const perms = state.botPermissions(channel);
    if ((perms & Permission.SendMessages) === 0n) return Errors.missingPermissions();
    if (req.files.length > 0 && (perms & Permission.AttachFiles) === 0n) return Errors.missingPermissions();
    const bad = reject(req, validateMessageCreate(req.body, { files: req.files.length }));
    if (bad) return bad;
    const body = isObject(req.body) ? req.body : {};
    const nonce = typeof body.nonce === 'string' || typeof body.nonce === 'number' ? body.nonce : undefined;
    const nonceKey =
      body.enforce_nonce === true && nonce !== undefined ? `${state.botUser.id}:${nonce}` : undefined;
    if (nonceKey) {
      const previous = state.nonces.get(nonceKey);
      if (previous && req.now - previous.createdAt <= core.nonceWindowMs) return ok(previous.message);
    }
    const attachments = createAttachments(state, channel.id, body.attachments, req.files);
    const reference = isObject(body.message_reference);
    const message = botMessage(channel.id, channel.guildId, body, attachments, {
      type: reference ? 19 : 0,
      flags: ((body.flags as number | undefined) ?? 0) & CREATE_FLAGS,
      nonce,
      dropEmbeds: (perms & Permission.EmbedLinks) === 0n,
      now: req.now,
    });
    const stored = {
      message,
      channelId: channel.id,
      deleted: false,
      source: 'channel' as const,
      createdAt: req.now,
      ...(nonceKey ? { nonceKey } : {}),
    };
    state.storeMessage(stored);
    if (nonceKey) state.nonces.set(nonceKey, stored);
    announce(message);
    return ok(message);
  };

  const channelMessage = (req: RestRequest) => {
    const stored = state.messages.get(req.params.messageId ?? '');
    return stored && !stored.deleted && stored.channelId === req.params.channelId ? stored : undefined;
  };

  const guildOf = (req: RestRequest) => state.guilds.get(req.params.guildId ?? '');

  return [
    { method: 'GET', template: '/gateway', auth: 'none', handler: () => ok({ url: gateway.url }) },
    {
      method: 'GET',
      template: '/gateway/bot',
      auth: 'bot',
      handler: () =>
        ok({
          url: gateway.url,
          shards: core.recommendedShards ?? Math.max(1, Math.ceil(state.guilds.size / 1000)),
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
    ...commandRoutes('global'),
    ...commandRoutes('guild'),
    {
      method: 'POST',
      template: '/interactions/:interactionId/:interactionToken/callback',
      auth: 'none',
      handler: interactionCallback,
    },
    {
      method: 'POST',
      template: '/webhooks/:applicationId/:interactionToken',
      auth: 'none',
      handler: (req) => {
        const record = webhookInteraction(req);
        if (!('id' in record)) return record;
        const bad = reject(req, validateWebhookMessage(req.body, { files: req.files.length }));
        if (bad) return bad;
        const body = isObject(req.body) ? req.body : {};
        const attachments = createAttachments(state, record.channelId, body.attachments, req.files);
        const original = record.original;
        if (original && typeof original.flags === 'number' && original.flags & MessageFlag.Loading) {
          // Discord: the first follow-up after a deferred reply edits the "thinking…" message, which keeps
          // the deferral's ephemerality whatever the follow-up's flags say.
          const { flags: _ignored, ...edit } = body;
          applyEdit(state, original, edit, attachments, req.now);
          record.recordEdit(original);
          announce(original);
          return req.query.get('wait') === 'true' ? ok(original) : noContent();
        }
        const message = botMessage(record.channelId, record.guildId, body, attachments, {
          type: record.type === 2 ? 20 : 0,
          flags: ((body.flags as number | undefined) ?? 0) & INTERACTION_FLAGS,
          interaction: record,
          now: req.now,
        });
        state.storeMessage({
          message,
          channelId: record.channelId,
          deleted: false,
          source: 'follow-up',
          interactionId: record.id,
          createdAt: req.now,
        });
        record.followUps.push(message);
        announce(message);
        return req.query.get('wait') === 'true' ? ok(message) : noContent();
      },
    },
    {
      method: 'GET',
      template: '/webhooks/:applicationId/:interactionToken/messages/:messageId',
      auth: 'none',
      handler: (req) => {
        const record = webhookInteraction(req);
        if (!('id' in record)) return record;
        const stored = webhookMessage(req, record);
        return stored ? ok(stored.message) : Errors.unknownMessage();
      },
    },
    {
      method: 'PATCH',
      template: '/webhooks/:applicationId/:interactionToken/messages/:messageId',
      auth: 'none',
      handler: (req) => {
        const record = webhookInteraction(req);
        if (!('id' in record)) return record;
        const stored = webhookMessage(req, record);
        if (!stored) return Errors.unknownMessage();
        const bad = reject(req, validateWebhookEdit(req.body));
        if (bad) return bad;
        const body = isObject(req.body) ? req.body : {};
        const attachments = createAttachments(state, stored.channelId, body.attachments, req.files);
        const wasLoading =
          typeof stored.message.flags === 'number' && (stored.message.flags & MessageFlag.Loading) !== 0;
        applyEdit(state, stored.message, body, attachments, req.now);
        if (wasLoading) announce(stored.message);
        if (stored.message.id === record.originalMessageId) record.recordEdit(stored.message);
        return ok(stored.message);
      },
    },
    {
      method: 'DELETE',
      template: '/webhooks/:applicationId/:interactionToken/messages/:messageId',
      auth: 'none',
      handler: (req) => {
        const record = webhookInteraction(req);
        if (!('id' in record)) return record;
        const stored = webhookMessage(req, record);
        if (!stored) return Errors.unknownMessage();
        stored.deleted = true;
        return noContent();
      },
    },
    {
      method: 'GET',
      template: '/channels/:channelId',
      auth: 'bot',
      handler: (req) => {
        const channel = visibleChannel(req);
        return 'id' in channel ? ok(state.channelJson(channel)) : channel;
      },
    },
    { method: 'POST', template: '/channels/:channelId/messages', auth: 'bot', handler: createChannelMessage },
    {
      method: 'GET',
      template: '/channels/:channelId/messages',
      auth: 'bot',
      handler: (req) => {
        const channel = visibleChannel(req);
        if (!('id' in channel)) return channel;
        const limit = Math.min(100, Math.max(1, Number(req.query.get('limit') ?? 50) || 50));
        const list = (state.channelMessages.get(channel.id) ?? [])
          .filter((m) => !m.deleted && ((m.message.flags as number) & MessageFlag.Ephemeral) === 0)
          .map((m) => m.message)
          .reverse();
        return ok(list.slice(0, limit));
      },
    },
    {
      method: 'GET',
      template: '/channels/:channelId/messages/:messageId',
      auth: 'bot',
      handler: (req) => {
        const channel = visibleChannel(req);
        if (!('id' in channel)) return channel;
        const stored = channelMessage(req);
        return stored ? ok(stored.message) : Errors.unknownMessage();
      },
    },
    {
      method: 'PATCH',
      template: '/channels/:channelId/messages/:messageId',
      auth: 'bot',
      handler: (req) => {
        const channel = visibleChannel(req);
        if (!('id' in channel)) return channel;
        const stored = channelMessage(req);
        if (!stored) return Errors.unknownMessage();
        if ((stored.message.author as Json).id !== state.botUser.id) {
          return {
            status: 403,
            body: { message: 'Cannot edit a message authored by another user', code: 50005 },
          };
        }
        const bad = reject(req, validateMessageEdit(req.body));
        if (bad) return bad;
        const body = isObject(req.body) ? req.body : {};
        applyEdit(
          state,
          stored.message,
          body,
          createAttachments(state, channel.id, body.attachments, req.files),
          req.now,
        );
        return ok(stored.message);
      },
    },
    {
      method: 'DELETE',
      template: '/channels/:channelId/messages/:messageId',
      auth: 'bot',
      handler: (req) => {
        const channel = visibleChannel(req);
        if (!('id' in channel)) return channel;
        const stored = channelMessage(req);
        if (!stored) return Errors.unknownMessage();
        stored.deleted = true;
        return noContent();
      },
    },
    {
      method: 'GET',
      template: '/guilds/:guildId',
      auth: 'bot',
      handler: (req) => {
        const guild = guildOf(req);
        if (!guild) return Errors.unknownGuild();
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
        const guild = guildOf(req);
        if (!guild) return Errors.unknownGuild();
        return ok(guild.channels.filter((c) => c.exists).map((c) => state.channelJson(c)));
      },
    },
    {
      method: 'GET',
      template: '/guilds/:guildId/roles',
      auth: 'bot',
      handler: (req) => {
        const guild = guildOf(req);
        return guild ? ok(state.roleJson(guild)) : Errors.unknownGuild();
      },
    },
    {
      method: 'GET',
      template: '/guilds/:guildId/members/:userId',
      auth: 'bot',
      handler: (req) => {
        const guild = guildOf(req);
        if (!guild) return Errors.unknownGuild();
        if (req.params.userId === state.botUser.id) return ok(state.botMemberJson(guild));
        const user = state.users.get(req.params.userId ?? '');
        if (!user) return { status: 404, body: { message: 'Unknown Member', code: 10007 } };
        return ok({
          user: state.userJson(user),
          roles: [],
          nick: null,
          avatar: null,
          joined_at: guild.joinedAt,
          premium_since: null,
          deaf: false,
          mute: false,
          flags: 0,
          pending: false,
          communication_disabled_until: null,
        });
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
