/** Application commands, global and per guild: list, bulk overwrite, create, get, edit, delete. */
import { Errors } from './errors.js';
import type { RestRequest, RouteDef } from './http.js';
import type { RouteKit } from './route-kit.js';
import { isObject, noContent, ok, refuse } from './route-prologue.js';
import type { Json, LocalState, StoredCommand } from './state.js';
import { validateCommandDefinition, validateCommandList } from './validation.js';

/** The command as Discord stores it; the id stays, the version changes only when the definition does. */
function storeCommand(
  state: LocalState,
  def: Json,
  guildId: string | null,
  existing: StoredCommand | undefined,
): StoredCommand {
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
}

export function buildCommandRoutes(kit: RouteKit, scope: 'global' | 'guild'): RouteDef[] {
  const { state, need } = kit;
  const base =
    scope === 'global'
      ? '/applications/:applicationId/commands'
      : '/applications/:applicationId/guilds/:guildId/commands';
  const guildIdOf = (req: RestRequest) => (scope === 'global' ? null : (req.params.guildId ?? ''));

  /**
   * The prologue of every command route: this application, and a guild the bot is in (else `noGuild`:
   * a command of such a guild is an unknown command).
   */
  const commandList = (req: RestRequest, noGuild = Errors.missingAccess): StoredCommand[] => {
    need.ownApplication(req);
    const guildId = guildIdOf(req);
    if (guildId === null) return state.globalCommands;
    if (!state.guilds.has(guildId)) return refuse(noGuild());
    let list = state.guildCommands.get(guildId);
    if (!list) {
      list = [];
      state.guildCommands.set(guildId, list);
    }
    return list;
  };
  const sameCommand = (def: Json) => (c: StoredCommand) => c.name === def.name && c.type === (def.type ?? 1);
  /** `:commandId`'s list and its place in it. */
  const findCommand = (req: RestRequest): { list: StoredCommand[]; index: number } => {
    const list = commandList(req, Errors.unknownCommand);
    const index = list.findIndex((c) => c.id === req.params.commandId);
    return index >= 0 ? { list, index } : refuse(Errors.unknownCommand());
  };

  return [
    { method: 'GET', template: base, auth: 'bot', handler: (req) => ok(commandList(req)) },
    {
      method: 'PUT',
      template: base,
      auth: 'bot',
      handler: (req) => {
        const list = commandList(req);
        need.validBody(req, validateCommandList(req.body));
        const defs = (req.body as unknown[]).filter(isObject);
        const next = defs.map((def) => storeCommand(state, def, guildIdOf(req), list.find(sameCommand(def))));
        list.splice(0, list.length, ...next);
        return ok(next);
      },
    },
    {
      method: 'POST',
      template: base,
      auth: 'bot',
      handler: (req) => {
        const list = commandList(req);
        need.validBody(req, validateCommandDefinition(req.body));
        const def = req.body as Json;
        const index = list.findIndex(sameCommand(def));
        const stored = storeCommand(state, def, guildIdOf(req), list[index]);
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
        const { list, index } = findCommand(req);
        return ok(list[index]);
      },
    },
    {
      method: 'PATCH',
      template: `${base}/:commandId`,
      auth: 'bot',
      handler: (req) => {
        const { list, index } = findCommand(req);
        const current = list[index] as StoredCommand;
        const merged = { ...current, ...(isObject(req.body) ? req.body : {}) };
        need.validBody(req, validateCommandDefinition(merged));
        const stored = storeCommand(state, merged, guildIdOf(req), current);
        list[index] = stored;
        return ok(stored);
      },
    },
    {
      method: 'DELETE',
      template: `${base}/:commandId`,
      auth: 'bot',
      handler: (req) => {
        const { list, index } = findCommand(req);
        list.splice(index, 1);
        return noContent();
      },
    },
  ];
}
