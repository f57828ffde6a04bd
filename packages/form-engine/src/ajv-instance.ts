import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { decimalPlaces } from './locale-number';

/**
 * One configured ajv for record validation: standard formats plus the few Tessera needs (phone numbers,
 * http(s) URLs, wall-clock times) and two keywords (UTF-8 byte ceiling, decimal places).
 */
const PHONE = /^\+?[0-9][0-9 \-()]{2,22}[0-9](?:\s*(?:ext\.?|x|转)\s*\d{1,6})?$/i;
const WALL_TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isHttpUrl(s: string): boolean {
  if (!/^https?:\/\/[^\s]+$/i.test(s)) return false;
  try {
    return new URL(s).hostname.includes('.') || new URL(s).hostname === 'localhost';
  } catch {
    return false;
  }
}

const wallSeconds = (s: string) => {
  const [h, m, sec] = s.split(':').map(Number);
  return h * 3600 + m * 60 + (sec ?? 0);
};

export function createRecordAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true });
  addFormats(ajv);
  ajv.addFormat('phone', PHONE);
  ajv.addFormat('http-url', { type: 'string', validate: isHttpUrl });
  ajv.addFormat('wall-time', {
    type: 'string',
    validate: (s: string) => WALL_TIME.test(s),
    compare: (a: string, b: string) => wallSeconds(a) - wallSeconds(b),
  });
  ajv.addKeyword({
    keyword: 'maxBytes',
    type: 'string',
    schemaType: 'number',
    errors: true,
    validate: function maxBytes(limit: number, data: string) {
      return data.length <= limit / 4 || utf8Length(data) <= limit;
    },
  });
  ajv.addKeyword({
    keyword: 'maxDecimals',
    type: 'number',
    schemaType: 'number',
    validate: (limit: number, data: number) => decimalPlaces(data) <= limit,
  });
  return ajv;
}
