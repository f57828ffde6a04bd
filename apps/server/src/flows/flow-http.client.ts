import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Injectable } from '@nestjs/common';

export interface HttpRequestSpec {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
}

export interface HttpResponseData {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface HttpPolicy {
  allowPrivate: boolean;
  allowedHosts: string[];
}

/** A refusal that retrying will not fix (bad URL, forbidden address, 4xx). */
export class PermanentHttpError extends Error {}

const MAX_RESPONSE_BYTES = 1_000_000;

function ipv4Private(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number);
  return (
    a === 10 ||
    a === 127 ||
    a === 0 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127) ||
    a >= 224
  );
}

/** Loopback, private, link-local, unique-local, CGNAT, multicast and unspecified addresses. */
export function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 4) return ipv4Private(ip);
  const lower = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return ipv4Private(mapped[1]);
  return (
    lower === '::1' ||
    lower === '::' ||
    lower.startsWith('fc') ||
    lower.startsWith('fd') ||
    lower.startsWith('fe8') ||
    lower.startsWith('fe9') ||
    lower.startsWith('fea') ||
    lower.startsWith('feb') ||
    lower.startsWith('ff')
  );
}

/**
 * HTTP requests of flow HTTP nodes. Tenants write the URLs, so private and loopback targets (the database, cloud
 * metadata, the admin's intranet) are refused unless an administrator allowed them in the flow settings. The
 * address is checked after DNS resolution, and redirects are not followed (a redirect could point inside).
 */
@Injectable()
export class FlowHttpClient {
  async request(spec: HttpRequestSpec, policy: HttpPolicy): Promise<HttpResponseData> {
    let url: URL;
    try {
      url = new URL(spec.url);
    } catch {
      throw new PermanentHttpError(`not a URL: ${spec.url.slice(0, 200)}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new PermanentHttpError(`only http and https URLs are allowed, not ${url.protocol}`);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const allowedByName = policy.allowedHosts.map((h) => h.toLowerCase()).includes(host.toLowerCase());
    if (!policy.allowPrivate && !allowedByName) {
      const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
      const blocked = addresses.find(isPrivateAddress);
      if (blocked)
        throw new PermanentHttpError(
          `${host} resolves to a private or loopback address; an administrator must allow it in the flow settings`,
        );
    }
    const hasBody = spec.body !== undefined && spec.method !== 'GET';
    const response = await fetch(url, {
      method: spec.method,
      headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...spec.headers },
      body: hasBody ? (typeof spec.body === 'string' ? spec.body : JSON.stringify(spec.body)) : undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(spec.timeoutMs),
    });
    const text = await response.text();
    if (text.length > MAX_RESPONSE_BYTES) throw new PermanentHttpError('the response is larger than 1 MB');
    let body: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json')) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    if (response.status >= 500) throw new Error(`${url.host} answered ${response.status}`);
    if (response.status >= 400) throw new PermanentHttpError(`${url.host} answered ${response.status}`);
    return { status: response.status, headers, body };
  }
}
