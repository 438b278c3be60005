// The frame of every page and the choice of the page for the address.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorState, Loading } from './components/Async';
import { Header } from './components/Header';
import { Notices } from './components/Notices';
import { NotFound, Refused } from './components/Refused';
import { t, useLang } from './i18n';
import { match, navigate, useLocation } from './router';
import { routes, type PageModule, type RouteDef } from './routes';
import { useSession } from './session';
import { useProvinceName } from './province';

const loaded = new Map<string, PageModule>();

function Lazy({ route, params }: { route: RouteDef; params: Record<string, string> }) {
  const [mod, setMod] = useState<PageModule | undefined>(loaded.get(route.path));
  const [failed, setFailed] = useState(false);
  const [n, setN] = useState(0);
  useEffect(() => {
    if (loaded.has(route.path)) return setMod(loaded.get(route.path));
    setMod(undefined);
    setFailed(false);
    let live = true;
    route.load!().then(
      (m) => {
        loaded.set(route.path, m);
        if (live) setMod(m);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [route.path, n]);
  if (failed) return <ErrorState message={t('common.error')} retry={() => setN(n + 1)} />;
  if (!mod) return <Loading />;
  const Page = mod.default;
  return <Page params={params} />;
}

function ToSignIn({ here }: { here: string }) {
  useEffect(() => navigate(`/sign-in?next=${encodeURIComponent(here)}`, { replace: true }), [here]);
  return <Loading />;
}

export function App() {
  useLang();
  const s = useSession();
  const province = useProvinceName();
  const loc = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // Move the focus to the new page's content, so that keyboard and screen-reader users start there.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [loc.path]);

  let route: RouteDef | undefined;
  let params: Record<string, string> = {};
  for (const r of routes) {
    const p = match(r.path, loc.path);
    if (p) {
      route = r;
      params = p;
      break;
    }
  }

  let content;
  if (!route) content = <NotFound />;
  else if (route.roles && !s.loaded) content = <Loading />;
  else if (route.roles && !s.user) content = <ToSignIn here={loc.path + loc.search} />;
  else if (route.roles && s.user && !route.roles.includes(s.user.role)) content = <Refused />;
  else if (route.page) {
    const Page = route.page;
    content = <Page key={loc.path} params={params} />;
  } else content = <Lazy key={loc.path} route={route} params={params} />;

  const skip = (e: MouseEvent) => {
    e.preventDefault();
    main.current?.focus();
  };

  return (
    <>
      <a class="skip-link" href="#main" onClick={skip}>
        {t('app.skip')}
      </a>
      <Header />
      <main id="main" ref={main} tabIndex={-1}>
        <Notices />
        {content}
      </main>
      <footer class="site-footer">
        <p>{province ? t('app.footer', { province }) : t('app.footerNoName')}</p>
      </footer>
    </>
  );
}
