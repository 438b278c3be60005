// A small history router: the location as a store, navigate(), and path patterns ("/a/:id").
import { useEffect, useState } from 'preact/hooks';

export type Location = { path: string; search: string };

const listeners = new Set<() => void>();
let current: Location = read();

function read(): Location {
  return { path: window.location.pathname, search: window.location.search };
}

function changed() {
  current = read();
  listeners.forEach((f) => f());
}

window.addEventListener('popstate', changed);

export function navigate(to: string, { replace = false } = {}) {
  if (to === window.location.pathname + window.location.search) return changed();
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  changed();
}

export const location = (): Location => current;

export function useLocation(): Location {
  const [loc, set] = useState(current);
  useEffect(() => {
    const f = () => set(current);
    listeners.add(f);
    f();
    return () => listeners.delete(f);
  }, []);
  return loc;
}

/** The query string's values, and a way to change some of them (resetting the page). */
export function useQuery(): [URLSearchParams, (changes: Record<string, string | null>) => void] {
  const loc = useLocation();
  const params = new URLSearchParams(loc.search);
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(window.location.search);
    if (!('page' in changes)) next.delete('page');
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    const s = next.toString();
    navigate(window.location.pathname + (s ? `?${s}` : ''), { replace: true });
  };
  return [params, update];
}

/** Matches "/cooperatives/:id" against a path; the parameters, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const a = pattern.split('/').filter(Boolean);
  const b = path.split('/').filter(Boolean);
  if (a.length !== b.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    if (a[i].startsWith(':')) params[a[i].slice(1)] = decodeURIComponent(b[i]);
    else if (a[i] !== b[i]) return null;
  }
  return params;
}

/** A place inside the app to come back to after signing in (never another site). */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}
