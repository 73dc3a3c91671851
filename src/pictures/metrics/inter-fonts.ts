import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The bundled Inter faces used by the pictures (family name 'Inter' in both files). */
export const INTER_FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'),
} as const;

export type InterWeight = keyof typeof INTER_FONT_FILES;

/** Code point ranges covered by the generated width table (inclusive). */
export const MEASURED_RANGES: readonly (readonly [number, number])[] = [
  [0x0020, 0x024f], // Basic Latin … Latin Extended-B
  [0x0300, 0x036f], // combining diacritics
  [0x0370, 0x03ff], // Greek
  [0x0400, 0x04ff], // Cyrillic
  [0x1e00, 0x1eff], // Latin Extended Additional
  [0x2000, 0x206f], // General Punctuation (… – — ’ “ ”)
  [0x20a0, 0x20cf], // currency symbols
];
