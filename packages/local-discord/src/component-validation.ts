/**
 * Message components as Discord checks them (documented limits; the OpenAPI schemas miss most): at most 5
 * action rows, a row holds 1–5 buttons or exactly one select, custom_id 1–100 characters and unique in the
 * message, button labels ≤ 80, selects with 1–25 options (label and value 1–100, description ≤ 100),
 * placeholder ≤ 150, min_values ≤ max_values ≤ options, one default unless several may be chosen. Link
 * buttons carry a url and no custom_id. Components V2 messages (flag 1 << 15) are checked for custom_id
 * rules and the 40-component total only.
 */
import type { Json } from './state.js';

type Path = (string | number)[];
export interface ComponentProblem {
  path: Path;
  code: string;
  message: string;
}

export const COMPONENT_LIMITS = {
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  optionText: 100,
  placeholder: 150,
  totalV2: 40,
} as const;

const IS_COMPONENTS_V2 = 1 << 15;
const ComponentType = { ActionRow: 1, Button: 2, StringSelect: 3 } as const;
const LINK_STYLE = 5;
const PREMIUM_STYLE = 6;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function length(value: unknown): number {
  return typeof value === 'string' ? [...value].length : 0;
}

export function checkComponents(body: Json, base: Path): ComponentProblem[] {
  const out: ComponentProblem[] = [];
  const { components } = body;
  if (components === undefined || components === null) return out;
  if (!Array.isArray(components)) {
    out.push({ path: [...base, 'components'], code: 'BASE_TYPE_LIST', message: 'Must be a list.' });
    return out;
  }
  const v2 = typeof body.flags === 'number' && (body.flags & IS_COMPONENTS_V2) !== 0;
  const seen = new Set<string>();
  const customId = (component: Json, path: Path) => {
    const id = component.custom_id;
    if (typeof id !== 'string' || length(id) < 1 || length(id) > COMPONENT_LIMITS.customId) {
      out.push({
        path: [...path, 'custom_id'],
        code: 'BASE_TYPE_BAD_LENGTH',
        message: `Must be between 1 and ${COMPONENT_LIMITS.customId} in length.`,
      });
    } else if (seen.has(id)) {
      out.push({
        path: [...path, 'custom_id'],
        code: 'COMPONENT_CUSTOM_ID_DUPLICATED',
        message: 'Component custom id cannot be duplicated',
      });
    } else {
      seen.add(id);
    }
  };
  if (v2) {
    let total = 0;
    const walk = (list: unknown[], path: Path) =>
      list.forEach((component, i) => {
        if (!isObject(component)) return;
        total++;
        if (component.type === ComponentType.Button && component.style !== LINK_STYLE)
          customId(component, [...path, i]);
        if (component.type === ComponentType.StringSelect) customId(component, [...path, i]);
        if (Array.isArray(component.components)) walk(component.components, [...path, i, 'components']);
        if (isObject(component.accessory)) walk([component.accessory], [...path, i, 'accessory']);
      });
    walk(components, [...base, 'components']);
    if (total > COMPONENT_LIMITS.totalV2)
      out.push({
        path: [...base, 'components'],
        code: 'BASE_TYPE_MAX_LENGTH',
        message: `Must be ${COMPONENT_LIMITS.totalV2} or fewer in total.`,
      });
    return out;
  }
  if (components.length > COMPONENT_LIMITS.actionRows)
    out.push({
      path: [...base, 'components'],
      code: 'BASE_TYPE_MAX_LENGTH',
      message: `Must be ${COMPONENT_LIMITS.actionRows} or fewer in length.`,
    });
  components.forEach((row, r) => {
    const rowPath = [...base, 'components', r];
    if (!isObject(row) || row.type !== ComponentType.ActionRow || !Array.isArray(row.components)) {
      out.push({
        path: rowPath,
        code: 'UNION_TYPE_CHOICES',
        message: 'Top-level components must be action rows.',
      });
      return;
    }
    const children = row.components.filter(isObject);
    const selects = children.filter((c) => c.type === ComponentType.StringSelect || Number(c.type) >= 5);
    const buttons = children.filter((c) => c.type === ComponentType.Button);
    if (children.length === 0 || children.length !== row.components.length)
      out.push({
        path: [...rowPath, 'components'],
        code: 'BASE_TYPE_BAD_LENGTH',
        message: 'Must be between 1 and 5 in length.',
      });
    if (selects.length > 0 && (children.length > 1 || buttons.length > 0))
      out.push({
        path: [...rowPath, 'components'],
        code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
        message: 'The specified component exceeds the maximum width',
      });
    if (buttons.length > COMPONENT_LIMITS.buttonsPerRow)
      out.push({
        path: [...rowPath, 'components'],
        code: 'BASE_TYPE_BAD_LENGTH',
        message: `Must be between 1 and ${COMPONENT_LIMITS.buttonsPerRow} in length.`,
      });
    children.forEach((component, c) => {
      const path = [...rowPath, 'components', c];
      if (component.type === ComponentType.Button) checkButton(component, path, out, customId);
      else if (component.type === ComponentType.StringSelect) checkSelect(component, path, out, customId);
    });
  });
  return out;
}

function checkButton(
  button: Json,
  path: Path,
  out: ComponentProblem[],
  customId: (component: Json, path: Path) => void,
): void {
  if (button.style === LINK_STYLE) {
    if (typeof button.url !== 'string' || button.custom_id !== undefined)
      out.push({
        path,
        code: 'BUTTON_COMPONENT_INVALID_URL',
        message: 'A link button has a url and no custom_id.',
      });
  } else if (button.style !== PREMIUM_STYLE) {
    customId(button, path);
  }
  if (length(button.label) > COMPONENT_LIMITS.buttonLabel)
    out.push({
      path: [...path, 'label'],
      code: 'BASE_TYPE_MAX_LENGTH',
      message: `Must be ${COMPONENT_LIMITS.buttonLabel} or fewer in length.`,
    });
  if (button.style !== PREMIUM_STYLE && length(button.label) === 0 && !isObject(button.emoji))
    out.push({
      path,
      code: 'BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED',
      message: 'A button needs a label or an emoji.',
    });
}

function checkSelect(
  select: Json,
  path: Path,
  out: ComponentProblem[],
  customId: (component: Json, path: Path) => void,
): void {
  customId(select, path);
  const options = Array.isArray(select.options) ? select.options : [];
  if (options.length < 1 || options.length > COMPONENT_LIMITS.selectOptions)
    out.push({
      path: [...path, 'options'],
      code: 'BASE_TYPE_BAD_LENGTH',
      message: `Must be between 1 and ${COMPONENT_LIMITS.selectOptions} in length.`,
    });
  const values = new Set<unknown>();
  let defaults = 0;
  options.forEach((option, i) => {
    const at = [...path, 'options', i];
    if (!isObject(option)) return;
    for (const key of ['label', 'value'] as const)
      if (length(option[key]) < 1 || length(option[key]) > COMPONENT_LIMITS.optionText)
        out.push({
          path: [...at, key],
          code: 'BASE_TYPE_BAD_LENGTH',
          message: `Must be between 1 and ${COMPONENT_LIMITS.optionText} in length.`,
        });
    if (length(option.description) > COMPONENT_LIMITS.optionText)
      out.push({
        path: [...at, 'description'],
        code: 'BASE_TYPE_MAX_LENGTH',
        message: `Must be ${COMPONENT_LIMITS.optionText} or fewer in length.`,
      });
    if (values.has(option.value))
      out.push({
        path: [...at, 'value'],
        code: 'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED',
        message: 'Option values must be unique.',
      });
    values.add(option.value);
    if (option.default === true) defaults++;
  });
  if (length(select.placeholder) > COMPONENT_LIMITS.placeholder)
    out.push({
      path: [...path, 'placeholder'],
      code: 'BASE_TYPE_MAX_LENGTH',
      message: `Must be ${COMPONENT_LIMITS.placeholder} or fewer in length.`,
    });
  const min = typeof select.min_values === 'number' ? select.min_values : 1;
  const max = typeof select.max_values === 'number' ? select.max_values : 1;
  if (min < 0 || max < 1 || min > max || max > Math.max(1, options.length))
    out.push({
      path: [...path, 'max_values'],
      code: 'SELECT_COMPONENT_MAX_VALUES_INVALID',
      message: 'min_values ≤ max_values ≤ the number of options.',
    });
  if (defaults > max)
    out.push({
      path: [...path, 'options'],
      code: 'SELECT_COMPONENT_TOO_MANY_DEFAULTS',
      message: 'More defaults than max_values.',
    });
}
