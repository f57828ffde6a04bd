import type { MeasureFormat } from '@tessera/schema';
import type { ChartLocale } from './chart-types';

const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: ChartLocale, format: MeasureFormat | undefined): Intl.NumberFormat {
  const style = format?.style ?? 'number';
  const currency = format?.currency ?? 'CNY';
  const decimals = format?.decimals;
  const key = `${locale}|${style}|${currency}|${decimals ?? ''}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: style === 'currency' ? 'currency' : style === 'percent' ? 'percent' : 'decimal',
      currency: style === 'currency' ? currency : undefined,
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals ?? (style === 'percent' ? 1 : 2),
    });
    cache.set(key, f);
  }
  return f;
}

/** A number as the locale writes it (zh-CN: 1,234.5 / ¥1,234.50; en-US: 1,234.5 / CN¥1,234.50). */
export function formatNumber(value: number | null, locale: ChartLocale, format?: MeasureFormat): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return formatter(locale, format).format(value);
}

/** A ratio (0.253) as a percentage (25.3%). */
export function formatPercent(value: number | null, locale: ChartLocale): string {
  return formatNumber(value, locale, { style: 'percent', decimals: 1 });
}

/** A number from a result cell (float8 arrives as a number, numeric/bigint as a string). */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}
