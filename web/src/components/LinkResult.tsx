// A fresh one-time link (activation or password reset): the full address to copy and its expiry.
import type { OneTimeLink } from '../api/types';
import { formatDate } from '../format';
import { t } from '../i18n';
import { CopyField } from './CopyField';

export const fullLink = (path: string) => `${window.location.origin}${path}`;

export function LinkResult({ id, link, lead }: { id: string; link: OneTimeLink; lead?: string }) {
  const purpose = link.purpose ?? 'activate';
  return (
    <div class="link-result" data-testid="link-result">
      {lead && <p>{lead}</p>}
      <CopyField id={id} label={purpose === 'reset' ? t('link.reset') : t('link.activate')} value={fullLink(link.path)} hint={t('link.once')} testId="activation-link" />
      <p class="meta" data-testid="link-expires">{t('link.expires', { date: formatDate(link.expires_at) })}</p>
    </div>
  );
}
