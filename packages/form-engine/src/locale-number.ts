import type { Locale } from '@tessera/schema';

/**
 * Locale-aware number parsing and formatting for number, amount, percent and rating inputs and imports.
 * Both UI locales (zh-CN, en-US) group with ',' and use '.' as the decimal point; full-width digits typed with a
 * Chinese IME are accepted too.
 */
const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF05\uFF0D]/g;

function halfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** '¥1,234.50' → 1234.5, '(12)' → -12, '15%' → 15; undefined when it is not a number. */
export function parseLocaleNumber(input: unknown): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? input : undefined;
  if (typeof input !== 'string') return undefined;
  let s = halfWidth(input)
    .trim()
    .replace(/\u2212/g, '-');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  // currency symbols, codes and units ('CN¥', 'US$', 'RMB', '元', '%') and grouping separators
  s = s.replace(/[,\s\u00A0_]/g, '').replace(/^[^\d.+-]+|[^\d.]+$/g, '');
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  s = s.replace(/^[^\d.]+/, '');
  if (!/^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  if (!Number.isFinite(n)) return undefined;
  return negative ? -n : n;
}

const formatters = new Map<string, Intl.NumberFormat>();

export function numberFormatter(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    formatters.set(id, f);
  }
  return f;
}

export function roundTo(n: number, precision: number | undefined): number {
  if (precision === undefined) return n;
  const factor = 10 ** precision;
  return Math.round((n + Number.EPSILON * Math.sign(n)) * factor) / factor;
}

/** Decimal places of a number as written ('1.50' is 1.5 → 1). */
export function decimalPlaces(n: number): number {
  if (!Number.isFinite(n) || Number.isInteger(n)) return 0;
  const [mantissa, exp] = String(n).toLowerCase().split('e');
  const decimals = (mantissa.split('.')[1] ?? '').length;
  return Math.max(0, decimals - (exp ? Number(exp) : 0));
}
