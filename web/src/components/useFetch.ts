// Loads data for a component: loading, error and data, reloaded when deps change.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';

export type Fetched<T> = { data?: T; error?: ApiError; loading: boolean; reload: () => void };

export function useFetch<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Fetched<T> {
  const [n, setN] = useState(0);
  const [s, setS] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  useEffect(() => {
    const ctl = new AbortController();
    setS((old) => ({ data: old.data, loading: true }));
    load(ctl.signal).then(
      (data) => !ctl.signal.aborted && setS({ data, loading: false }),
      (e: unknown) => {
        if (ctl.signal.aborted) return;
        const err = e instanceof ApiError ? e : new ApiError(0, String((e as Error)?.message ?? e));
        setS({ error: err, loading: false });
      },
    );
    return () => ctl.abort();
  }, [...deps, n]);
  return { ...s, reload: () => setN((x) => x + 1) };
}
