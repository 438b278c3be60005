// The one way the interface talks to the server: JSON in and out, the CSRF token on writes,
// the interface language in Accept-Language, problem+json turned into ApiError, and a lost
// session (401) handed to the session module.
import { lang, t } from '../i18n';
import type { FieldError } from './types';

export class ApiError extends Error {
  status: number;
  title: string;
  detail: string;
  errors: FieldError[];
  body: unknown;
  constructor(status: number, title: string, detail = '', errors: FieldError[] = [], body: unknown = null) {
    super(detail || title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
    this.body = body;
  }
  /** The first message for each field, keyed by the API's field name ("representative.email"). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) if (!(e.field in out)) out[e.field] = e.message;
    return out;
  }
  /** A sentence to show the user. */
  get summary(): string {
    if (this.status === 0) return t('common.networkError');
    return this.detail ? `${this.title}: ${this.detail}` : this.title;
  }
}

let csrfToken = '';
export const setCsrf = (token: string) => {
  csrfToken = token;
};

let onUnauthorized: () => void = () => {};
export const setUnauthorizedHandler = (f: () => void) => {
  onUnauthorized = f;
};

export type Query = Record<string, string | number | boolean | null | undefined>;

/** "?a=1&b=x" from the values that are set. */
export function qs(query: Query = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    p.set(k, v === true ? '1' : String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  json?: unknown;
  body?: BodyInit;
  contentType?: string;
  ifMatch?: number;
  signal?: AbortSignal;
  /** Do not treat 401 as a lost session (the sign-in form itself). */
  quiet401?: boolean;
};

export async function api<T>(path: string, o: RequestOptions = {}): Promise<T> {
  const method = o.method ?? (o.json !== undefined || o.body !== undefined ? 'POST' : 'GET');
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': lang() === 'en' ? 'en' : 'vi',
  };
  let body: BodyInit | undefined = o.body;
  if (o.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(o.json);
  } else if (o.contentType) {
    headers['Content-Type'] = o.contentType;
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (o.ifMatch !== undefined) headers['If-Match'] = `"${o.ifMatch}"`;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}${qs(o.query)}`, { method, headers, body, credentials: 'same-origin', signal: o.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, t('common.networkError'));
  }
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (res.ok) return data as T;
  if (res.status === 401 && !o.quiet401) onUnauthorized();
  const p = (data && typeof data === 'object' ? data : {}) as { title?: string; detail?: string; errors?: FieldError[] };
  throw new ApiError(res.status, p.title ?? `HTTP ${res.status}`, p.detail ?? '', Array.isArray(p.errors) ? p.errors : [], data);
}

/** A file from the server (a report), with the name it gives in Content-Disposition. */
export async function fetchFile(path: string, o: { query?: Query; signal?: AbortSignal } = {}): Promise<{ blob: Blob; filename: string; type: string }> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}${qs(o.query)}`, { headers: { 'Accept-Language': lang() === 'en' ? 'en' : 'vi' }, credentials: 'same-origin', signal: o.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, t('common.networkError'));
  }
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok) {
    if (res.status === 401) onUnauthorized();
    const p = (type.includes('json') ? await res.json().catch(() => ({})) : {}) as { title?: string; detail?: string; errors?: FieldError[] };
    throw new ApiError(res.status, p.title ?? `HTTP ${res.status}`, p.detail ?? '', Array.isArray(p.errors) ? p.errors : [], p);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? path.split('/').pop() ?? 'download';
  return { blob: await res.blob(), filename: name, type };
}

/** Hands a file to the browser as a download. */
export function saveFile(blob: Blob, filename: string) {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
