// Who is signed in. Loaded once at start; a 401 from any call signs the user out locally and
// sends them to the sign-in page, which brings them back where they were.
import { useEffect, useState } from 'preact/hooks';
import { api, setCsrf, setUnauthorizedHandler } from './api/client';
import type { CurrentSession, Role, SignInResult, User } from './api/types';
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

/**
 * Signs in; a user with two-step sign-in on sends the code too (the server answers 401 with
 * the field totp_code until it is right). totpSetupRequired: the role needs two-step sign-in
 * and the user has none yet.
 */
export async function signIn(username: string, password: string, totpCode?: string): Promise<{ user: User; totpSetupRequired: boolean }> {
  const json: Record<string, string> = { username, password };
  if (totpCode) json.totp_code = totpCode;
  const s = await api<SignInResult>('/session', { method: 'POST', json, quiet401: true });
  setCsrf(s.csrf_token ?? '');
  set({ loaded: true, user: s.user, expired: false });
  return { user: s.user, totpSetupRequired: !!s.totp_setup_required };
}

/** The signed-in user's record changed (own profile saved, two-step sign-in turned on). */
export function setSessionUser(user: User) {
  if (state.user && state.user.id === user.id) set({ user: { ...state.user, ...user } });
}

/** The session ended on the server (this session closed from the account page). */
export function forgetSession() {
  setCsrf('');
  set({ user: null, expired: false });
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
