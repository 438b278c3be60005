// A table of API tokens with "Thu hồi" (asking first): one's own on the account page, everyone's
// (with the owner) for the administrator.
import type { ApiToken } from '../api/types';
import { formatDate } from '../format';
import { t } from '../i18n';
import { ConfirmButton } from './Confirm';

export function TokenTable({ items, onRevoke }: { items: (ApiToken & { user?: { username: string; display_name: string } })[]; onRevoke: (tk: ApiToken) => Promise<void> }) {
  const owners = items.some((x) => x.user);
  return (
    <div class="table-wrap">
      <table class="stack" data-testid="tokens">
        <thead>
          <tr>
            <th scope="col">{t('common.name')}</th>
            {owners && <th scope="col">{t('account.tokens.owner')}</th>}
            <th scope="col">{t('user.created_at')}</th>
            <th scope="col">{t('account.tokens.expires_on')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((tk) => (
            <tr key={tk.id}>
              <th scope="row">{tk.name || '—'}</th>
              {owners && (
                <td data-label={t('account.tokens.owner')}>
                  {tk.user ? `${tk.user.display_name} (${tk.user.username})` : '—'}
                </td>
              )}
              <td data-label={t('user.created_at')}>{formatDate(tk.created_at)}</td>
              <td data-label={t('account.tokens.expires_on')}>{tk.expires_on ? formatDate(tk.expires_on) : t('account.tokens.never')}</td>
              <td data-label={t('common.actions')}>
                <ConfirmButton small danger label={t('account.tokens.revoke')} ariaLabel={t('account.tokens.revokeFor', { name: tk.name })} question={t('account.tokens.revoke.confirm', { name: tk.name })} onConfirm={() => onRevoke(tk)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
