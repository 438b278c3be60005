// Who is signed in. Loaded once at start; a 401 from any call signs the user out locally and
// sends them to the sign-in page, which brings them back where they were.
import { useEffect, useState } from 'preact/hooks';
import { api, setCsrf, setUnauthorizedHandler } from './api/client';
import type { CurrentSession, Role, User } from './api/types';
import { location, navigate } from './router';

type State = { loaded: boolean; user: User | null; expired: boolean };
let state: State = { loaded: false, user: null, expired: false };
const listeners = new Set<() => void>();

function set(next: Partial<State>) {
  state = { ...state, ...next };
  listeners.forEach((f) => f());
}

export const session = (): State => state;

export function useSession(): State {
  const [s, setS] = useState(state);
  useEffect(() => {
    const f = () => setS(state);
    listeners.add(f);
    f();
    return () => listeners.delete(f);
  }, []);
  return s;
}

export async function loadSession() {
  try {
    const s = await api<CurrentSession>('/session', { quiet401: true });
    setCsrf(s.csrf_token ?? '');
    set({ loaded: true, user: s.user });
  } catch {
    set({ loaded: true, user: null });
  }
}

export async function signIn(username: string, password: string): Promise<User> {
  const s = await api<CurrentSession>('/session', { method: 'POST', json: { username, password }, quiet401: true });
  setCsrf(s.csrf_token ?? '');
  set({ loaded: true, user: s.user, expired: false });
  return s.user;
}

export async function signOut() {
  try {
    await api('/session', { method: 'DELETE', quiet401: true });
  } finally {
    setCsrf('');
    set({ user: null, expired: false });
  }
}

/** The page a role starts on after signing in. */
export function homeOf(role: Role | undefined): string {
  switch (role) {
    case 'coop': return '/my-coop';
    case 'alliance': return '/inbox';
    case 'leader': return '/dashboard';
    case 'department': return '/queue';
    case 'admin': return '/register';
    default: return '/';
  }
}

setUnauthorizedHandler(() => {
  if (!state.user && state.loaded && location().path === '/sign-in') return;
  setCsrf('');
  set({ user: null, expired: true });
  const here = location().path + location().search;
  if (location().path !== '/sign-in') navigate(`/sign-in?next=${encodeURIComponent(here)}`, { replace: true });
});
