import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APISelectMenuOption,
  type APIStringSelectComponent,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import { truncate } from '../replies/limits.js';

/** Discord's component limits (docs): what the builders clamp to and the local Discord enforces. */
export const COMPONENT_LIMITS = {
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  selectOptions: 25,
  optionLabel: 100,
  optionValue: 100,
  optionDescription: 100,
  placeholder: 150,
} as const;

export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** Labels are plain text on Discord (no markdown, no mentions): only their length needs care. */
export function button(
  customId: string,
  label: string,
  options: { disabled?: boolean; style?: ButtonStyle.Primary | ButtonStyle.Secondary } = {},
): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    style: options.style ?? ButtonStyle.Secondary,
    custom_id: customId,
    label: truncate(label, COMPONENT_LIMITS.buttonLabel),
    ...(options.disabled ? { disabled: true } : {}),
  };
}

export interface SelectChoice {
  label: string;
  value: string;
  description?: string;
  selected?: boolean;
}

export function stringSelect(
  customId: string,
  placeholder: string,
  choices: readonly SelectChoice[],
): APIStringSelectComponent {
  const options: APISelectMenuOption[] = choices.slice(0, COMPONENT_LIMITS.selectOptions).map((c) => ({
    label: truncate(c.label, COMPONENT_LIMITS.optionLabel),
    value: c.value,
    ...(c.description ? { description: truncate(c.description, COMPONENT_LIMITS.optionDescription) } : {}),
    ...(c.selected ? { default: true } : {}),
  }));
  return {
    type: ComponentType.StringSelect,
    custom_id: customId,
    placeholder: truncate(placeholder, COMPONENT_LIMITS.placeholder),
    min_values: 1,
    max_values: 1,
    options,
  };
}

/** Rows of at most five buttons, or one select each; empty rows dropped, at most five rows. */
export function actionRows(...rows: readonly (readonly APIComponentInMessageActionRow[])[]): ActionRow[] {
  return rows
    .filter((row) => row.length > 0)
    .slice(0, COMPONENT_LIMITS.actionRows)
    .map((row) => ({ type: ComponentType.ActionRow, components: [...row] }));
}
