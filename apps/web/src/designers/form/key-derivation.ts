import { isReservedFieldKey, isValidFieldKey, type LocalizedText } from '@tessera/schema';
import { pinyinOf } from './pinyin-table';

const MAX_KEY_LENGTH = 63;
/** Leave room for a `_NN` suffix when the key is taken. */
const MAX_BASE_LENGTH = 56;

/** Lower-case snake case of latin text: "Customer name" → "customer_name"; accents dropped. */
function snakeCase(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * Chinese text through the built-in pinyin table, latin parts kept: "客户名称" → "ke_hu_ming_cheng",
 * "VIP客户" → "vip_ke_hu". Empty when a Chinese character is not in the table (the caller falls back).
 */
export function transliterate(text: string): string {
  const parts: string[] = [];
  let latin = '';
  for (const character of text) {
    if (/[\u3400-\u9fff]/.test(character)) {
      const syllable = pinyinOf(character);
      if (!syllable) return '';
      if (latin) parts.push(latin);
      latin = '';
      parts.push(syllable);
    } else {
      latin += character;
    }
  }
  if (latin) parts.push(latin);
  return snakeCase(parts.join(' '));
}

/** A key candidate for one text, or '' when it yields nothing usable. */
function candidateFrom(text: string | undefined): string {
  if (!text) return '';
  let key = transliterate(text);
  if (!key) return '';
  if (/^[0-9]/.test(key)) key = `f_${key}`;
  key = key.slice(0, MAX_BASE_LENGTH).replace(/_+$/, '');
  return isValidFieldKey(key) ? key : '';
}

/** The texts of a label, English first (English keys read best in SQL and APIs), then Chinese. */
function labelTexts(label: LocalizedText): string[] {
  if (typeof label === 'string') return [label];
  return [label['en-US'], label['zh-CN']].filter((text): text is string => typeof text === 'string');
}

/** `base`, or `base_2`, `base_3`… : the first one that is free and not a reserved column name. */
export function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base) && !isReservedFieldKey(base)) return base;
  for (let n = 2; ; n += 1) {
    const key = `${base.slice(0, MAX_KEY_LENGTH - String(n).length - 1)}_${n}`;
    if (!taken.has(key) && !isReservedFieldKey(key)) return key;
  }
}

/**
 * A valid, unused field key derived from a label: the English label in snake case, else the Chinese one in
 * pinyin, else `field_N`. Never a reserved column name, never one of `taken`.
 */
export function deriveFieldKey(label: LocalizedText, taken: ReadonlySet<string>): string {
  for (const text of labelTexts(label)) {
    const candidate = candidateFrom(text);
    if (candidate) return uniqueKey(candidate, taken);
  }
  for (let n = taken.size + 1; ; n += 1) {
    const key = `field_${n}`;
    if (!taken.has(key)) return key;
  }
}

/** A form or app key from a name (same rules as field keys), or `fallback` when nothing transliterates. */
export function deriveKeyFromName(name: string, fallback: string): string {
  const candidate = candidateFrom(name);
  return candidate && !isReservedFieldKey(candidate) ? candidate : fallback;
}
