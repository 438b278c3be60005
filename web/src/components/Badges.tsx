// Small labels: a petition's state, OCOP stars, a rating.
import { label, t } from '../i18n';

export function StateBadge({ state }: { state: string }) {
  return <span class={`badge badge-${state}`}>{label('state', state)}</span>;
}

export function Badge({ kind, text }: { kind: string; text: string }) {
  return <span class={`badge badge-${kind}`}>{text}</span>;
}

export function Stars({ n, max = 5 }: { n: number; max?: number }) {
  return (
    <span class="stars" role="img" aria-label={t('common.stars', { n })}>
      <span aria-hidden="true">{'★'.repeat(n)}</span>
      <span aria-hidden="true" class="stars-off">{'★'.repeat(Math.max(0, max - n))}</span>
    </span>
  );
}
