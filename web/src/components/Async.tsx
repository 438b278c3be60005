// The loading, error and empty states every list and page shows.
import type { ComponentChildren } from 'preact';
import { t } from '../i18n';
import type { Fetched } from './useFetch';

export function Loading({ label }: { label?: string }) {
  return (
    <p class="state state-loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

export function ErrorState({ message, retry }: { message: string; retry?: () => void }) {
  return (
    <div class="state state-error" role="alert">
      <p>{message}</p>
      {retry && (
        <button type="button" class="btn" onClick={retry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ message }: { message: string }) {
  return <p class="state state-empty">{message}</p>;
}

type Props<T> = {
  state: Fetched<T>;
  empty?: string;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ComponentChildren;
};

/** Renders children with the data once loaded; otherwise the matching state. */
export function Async<T>({ state, empty, isEmpty, children }: Props<T>) {
  if (state.error) return <ErrorState message={`${t('common.error')} ${state.error.summary}`} retry={state.reload} />;
  if (state.data === undefined) return <Loading />;
  const emptyCheck = isEmpty ?? ((d: T) => Array.isArray((d as { items?: unknown[] }).items) && (d as { items: unknown[] }).items.length === 0);
  return (
    <div aria-busy={state.loading ? 'true' : 'false'}>
      {empty && emptyCheck(state.data) ? <Empty message={empty} /> : children(state.data)}
    </div>
  );
}
