/**
 * Injected interactions: INTERACTION_CREATE payloads built from the registered command (as a Discord
 * client would send them), delivered over the gateway or to the Interactions Endpoint; each one's life
 * cycle is its InteractionRecord (interaction-record.ts).
 */
import type { GatewayServer } from './gateway.js';
import {
  type InjectAutocompleteOptions,
  type InjectCommandOptions,
  type InjectComponentOptions,
  type InjectedInteraction,
  InteractionRecord,
  type InvocationBase,
  type OptionInput,
} from './interaction-record.js';
import type { ChannelRecord, GuildRecord, Json, LocalState, StoredCommand } from './state.js';

const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11,
} as const;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionList(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

export interface InteractionFactoryDeps {
  state: LocalState;
  gateway: GatewayServer;
  deadlineMs: number;
  tokenTtlMs: number;
  defaultUserId: string;
  /** Interactions remembered; the oldest are forgotten beyond this (their callbacks then get 10062). */
  maxInteractions: number;
  /** Set while interactions go to an Interactions Endpoint URL instead of the gateway. */
  httpDelivery?: () => { deliver(record: InteractionRecord): Promise<void> } | null;
  /** Creates a bot message carrying a component, for component interactions without a message id. */
  createComponentMessage(channel: ChannelRecord, customId: string, componentType: number): Json;
}

export class InteractionRegistry {
  readonly byId = new Map<string, InteractionRecord>();
  readonly byToken = new Map<string, InteractionRecord>();
  #tokenCounter = 0;

  constructor(private readonly deps: InteractionFactoryDeps) {}

  #token(): string {
    const random = Math.random()
      .toString(36)
      .slice(2)
      .replace(/[^a-z0-9]/g, '');
    return `aW50ZXJhY3Rpb24_${(++this.#tokenCounter).toString(36)}_${random}${Date.now().toString(36)}`;
  }

  #findCommand(name: string, guildId: string | null, type = 1): StoredCommand | undefined {
    const { state } = this.deps;
    const guildList = guildId ? (state.guildCommands.get(guildId) ?? []) : [];
    return (
      guildList.find((c) => c.name === name && c.type === type) ??
      state.globalCommands.find((c) => c.name === name && c.type === type)
    );
  }

  #context(opts: InvocationBase) {
    const { state } = this.deps;
    const guildId = opts.guildId === undefined ? ([...state.guilds.keys()][0] ?? null) : opts.guildId;
    let guild: GuildRecord | undefined;
    let channel: ChannelRecord | undefined;
    if (guildId !== null) {
      guild = state.guilds.get(guildId);
      if (!guild) throw new Error(`unknown guild ${guildId}`);
      channel = opts.channelId ? state.channels.get(opts.channelId) : guild.channels.find((c) => c.exists);
      if (!channel || channel.guildId !== guild.id) {
        throw new Error(`unknown channel ${opts.channelId ?? '(none)'} in guild ${guild.id}`);
      }
    }
    const user = state.ensureUser(opts.userId ?? this.deps.defaultUserId, opts.username);
    return { guild, channel, user };
  }

  #basePayload(type: number, opts: InvocationBase, id: string, token: string) {
    const { state } = this.deps;
    const { guild, channel, user } = this.#context(opts);
    const payload: Json = {
      id,
      application_id: state.applicationId,
      type,
      token,
      version: 1,
      locale: opts.locale ?? 'en-US',
      entitlements: [],
      attachment_size_limit: 10 * 1024 * 1024,
    };
    if (guild && channel) {
      const memberPerms = BigInt(opts.memberPermissions ?? guild.everyonePermissions);
      const { guild_id: _g, ...channelJson } = state.channelJson(channel);
      Object.assign(payload, {
        guild_id: guild.id,
        guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
        guild_locale: guild.preferredLocale,
        channel_id: channel.id,
        channel: {
          ...channelJson,
          guild_id: guild.id,
          permissions: state.memberPermissions(memberPerms).toString(),
        },
        member: {
          user: state.userJson(user),
          roles: [],
          premium_since: null,
          permissions: state.memberPermissions(memberPerms).toString(),
          pending: false,
          nick: null,
          mute: false,
          joined_at: guild.joinedAt,
          flags: 0,
          deaf: false,
          communication_disabled_until: null,
          unusual_dm_activity_until: null,
          banner: null,
          avatar: null,
        },
        app_permissions: state.botPermissions(channel).toString(),
        authorizing_integration_owners: { '0': guild.id },
        context: 0,
      });
      return { payload, guildId: guild.id, channel, channelId: channel.id };
    }
    const dmChannelId = `${BigInt(user.id) + 1n}`;
    Object.assign(payload, {
      channel_id: dmChannelId,
      channel: {
        id: dmChannelId,
        type: 1,
        last_message_id: null,
        flags: 0,
        recipients: [state.userJson(user)],
      },
      user: state.userJson(user),
      app_permissions: '0',
      authorizing_integration_owners: { '0': '0' },
      context: 1,
    });
    return { payload, guildId: null, channel: undefined, channelId: dmChannelId };
  }

  #buildOptions(
    command: StoredCommand | undefined,
    opts: InjectCommandOptions,
    focused: string | undefined,
    guildId: string | null,
  ): { options: Json[]; resolved: Json; focusedType: number | undefined } {
    const resolved: Json = {};
    if (Array.isArray(opts.options)) return { options: opts.options, resolved, focusedType: undefined };
    const strict = (opts.strict ?? true) && command !== undefined;
    const where = `/${opts.name}${opts.subcommandGroup ? ` ${opts.subcommandGroup}` : ''}${opts.subcommand ? ` ${opts.subcommand}` : ''}`;
    let defs = optionList(command?.options);
    if (opts.subcommandGroup) {
      const group = defs.find(
        (o) => o.name === opts.subcommandGroup && o.type === OptionType.SubcommandGroup,
      );
      if (!group && strict) throw new Error(`${where}: no subcommand group "${opts.subcommandGroup}"`);
      defs = optionList(group?.options);
    }
    if (opts.subcommand) {
      const sub = defs.find((o) => o.name === opts.subcommand && o.type === OptionType.Subcommand);
      if (!sub && strict) throw new Error(`${where}: no subcommand "${opts.subcommand}"`);
      defs = optionList(sub?.options);
    } else if (
      strict &&
      defs.some((o) => o.type === OptionType.Subcommand || o.type === OptionType.SubcommandGroup)
    ) {
      throw new Error(`${where}: a subcommand is required`);
    }
    const values: Record<string, OptionInput> = { ...(opts.options ?? {}) };
    if (focused !== undefined && !(focused in values)) values[focused] = '';
    const out: Json[] = [];
    let focusedType: number | undefined;
    for (const [name, raw] of Object.entries(values)) {
      const def = defs.find((o) => o.name === name);
      if (!def && strict) throw new Error(`${where}: no option "${name}"`);
      const type =
        typeof def?.type === 'number'
          ? def.type
          : typeof raw === 'boolean'
            ? OptionType.Boolean
            : typeof raw === 'number'
              ? Number.isInteger(raw)
                ? OptionType.Integer
                : OptionType.Number
              : OptionType.String;
      if (name === focused) {
        focusedType = type;
        out.push({ name, type, value: String(raw), focused: true });
        continue;
      }
      out.push({ name, type, value: this.#coerce(type, raw, name, where, strict, def, resolved, guildId) });
    }
    if (strict && focused === undefined) {
      for (const def of defs) {
        if (def.required === true && !(String(def.name) in values)) {
          throw new Error(`${where}: required option "${String(def.name)}" missing`);
        }
      }
    }
    let options = out;
    if (opts.subcommand) options = [{ name: opts.subcommand, type: OptionType.Subcommand, options }];
    if (opts.subcommandGroup)
      options = [{ name: opts.subcommandGroup, type: OptionType.SubcommandGroup, options }];
    return { options, resolved, focusedType };
  }

  #coerce(
    type: number,
    raw: OptionInput,
    name: string,
    where: string,
    strict: boolean,
    def: Json | undefined,
    resolved: Json,
    guildId: string | null,
  ): OptionInput {
    const { state } = this.deps;
    let value: OptionInput = raw;
    if (type === OptionType.String) value = String(raw);
    else if (type === OptionType.Integer || type === OptionType.Number) {
      value = Number(raw);
      if (strict && (Number.isNaN(value) || (type === OptionType.Integer && !Number.isInteger(value)))) {
        throw new Error(
          `${where}: option "${name}" needs a ${type === OptionType.Integer ? 'integer' : 'number'}`,
        );
      }
    } else if (type === OptionType.Boolean) value = raw === true || raw === 'true';
    else value = String(raw);
    if (strict && Array.isArray(def?.choices) && def.choices.length > 0) {
      const allowed = optionList(def.choices).map((c) => c.value);
      if (!allowed.includes(value))
        throw new Error(`${where}: "${String(value)}" is not a choice of "${name}"`);
    }
    const id = String(value);
    const add = (kind: string, key: string, json: Json) => {
      const bag = (resolved[kind] as Json | undefined) ?? {};
      bag[key] = json;
      resolved[kind] = bag;
    };
    if (type === OptionType.Channel) {
      const channel = state.channels.get(id);
      if (!channel && strict) throw new Error(`${where}: option "${name}": unknown channel ${id}`);
      if (channel) {
        const guild = state.guilds.get(channel.guildId);
        add('channels', id, {
          id,
          name: channel.name,
          type: channel.type,
          parent_id: null,
          permissions: state.memberPermissions(guild?.everyonePermissions ?? 0n).toString(),
          flags: 0,
        });
      }
    } else if (type === OptionType.User || type === OptionType.Mentionable) {
      const user = state.ensureUser(id);
      add('users', id, state.userJson(user));
      const guild = guildId ? state.guilds.get(guildId) : undefined;
      if (guild) {
        add('members', id, {
          roles: [],
          nick: null,
          avatar: null,
          premium_since: null,
          joined_at: guild.joinedAt,
          pending: false,
          flags: 0,
          permissions: guild.everyonePermissions.toString(),
          communication_disabled_until: null,
        });
      }
    } else if (type === OptionType.Role) {
      const guild = guildId ? state.guilds.get(guildId) : undefined;
      const role = guild ? state.roleJson(guild).find((r) => r.id === id) : undefined;
      if (!role && strict) throw new Error(`${where}: option "${name}": unknown role ${id}`);
      if (role) add('roles', id, role);
    }
    return value;
  }

  #register(
    type: number,
    payload: Json,
    guildId: string | null,
    channelId: string,
    focusedType: number | undefined,
    componentMessageId?: string,
  ): InteractionRecord {
    const { state, gateway } = this.deps;
    const http = this.deps.httpDelivery?.() ?? null;
    if (!http && !gateway.sessionFor(guildId)) {
      throw new Error('no gateway session: log the client in (and wait for clientReady) before injecting');
    }
    const id = String(payload.id);
    const record = new InteractionRecord(
      id,
      String(payload.token),
      type,
      payload,
      guildId,
      channelId,
      Date.now(),
      this.deps.deadlineMs,
      this.deps.tokenTtlMs,
      focusedType,
      componentMessageId,
      (messageId) => {
        const stored = state.messages.get(messageId);
        return stored && !stored.deleted ? stored.message : undefined;
      },
    );
    if (componentMessageId) record.originalMessageId = componentMessageId;
    this.byId.set(record.id, record);
    this.byToken.set(record.token, record);
    if (this.byId.size > this.deps.maxInteractions) {
      const oldest = this.byId.values().next().value;
      if (oldest) this.forget(oldest);
    }
    if (http) {
      void http.deliver(record);
      return record;
    }
    const stamp = () => {
      record.sentAt = performance.now();
    };
    if (!gateway.dispatch(guildId, 'INTERACTION_CREATE', payload, 0, stamp)) stamp();
    return record;
  }

  forget(record: InteractionRecord): void {
    record.dispose();
    this.byId.delete(record.id);
    this.byToken.delete(record.token);
  }

  injectCommand(opts: InjectCommandOptions): InjectedInteraction {
    const id = this.deps.state.ids.next();
    const base = this.#basePayload(2, opts, id, this.#token());
    const command = this.#findCommand(opts.name, base.guildId);
    const { options, resolved } = this.#buildOptions(command, opts, undefined, base.guildId);
    base.payload.data = {
      id: command?.id ?? this.deps.state.ids.next(),
      name: opts.name,
      type: 1,
      ...(options.length > 0 ? { options } : {}),
      ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
      ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
    };
    return this.#register(2, base.payload, base.guildId, base.channelId, undefined);
  }

  injectAutocomplete(opts: InjectAutocompleteOptions): InjectedInteraction {
    const id = this.deps.state.ids.next();
    const base = this.#basePayload(4, opts, id, this.#token());
    const command = this.#findCommand(opts.name, base.guildId);
    const { options, focusedType } = this.#buildOptions(command, opts, opts.focused, base.guildId);
    base.payload.data = {
      id: command?.id ?? this.deps.state.ids.next(),
      name: opts.name,
      type: 1,
      options,
      ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
    };
    return this.#register(4, base.payload, base.guildId, base.channelId, focusedType);
  }

  injectComponent(opts: InjectComponentOptions): InjectedInteraction {
    const { state } = this.deps;
    const id = state.ids.next();
    const base = this.#basePayload(3, opts, id, this.#token());
    const componentType = opts.componentType ?? 2;
    let message: Json | undefined;
    if (opts.messageId) {
      message = state.messages.get(opts.messageId)?.message;
      if (!message) throw new Error(`unknown message ${opts.messageId}`);
    } else if (base.channel) {
      message = this.deps.createComponentMessage(base.channel, opts.customId, componentType);
    } else {
      throw new Error('component interactions in DMs need a messageId');
    }
    base.payload.message = message;
    base.payload.data = {
      custom_id: opts.customId,
      component_type: componentType,
      ...(opts.values ? { values: opts.values } : {}),
    };
    return this.#register(3, base.payload, base.guildId, base.channelId, undefined, String(message.id));
  }

  dispose(): void {
    for (const record of [...this.byId.values()]) this.forget(record);
  }
}
