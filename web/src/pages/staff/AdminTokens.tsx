// Every API token of every user (administrator), to revoke one that may have leaked.
import { api } from '../../api/client';
import type { AdminApiToken, ApiToken } from '../../api/types';
import { itemsOf } from '../../api/types';
import { Async } from '../../components/Async';
import { notify } from '../../components/Notices';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { t } from '../../i18n';
import { TokenTable } from '../../components/TokenTable';

export default function AdminTokens() {
  usePageTitle(t('tokens.title'));
  const list = useFetch((signal) => api<AdminApiToken[] | { items: AdminApiToken[] }>('/api-tokens', { signal }).then(itemsOf), []);
  const revoke = async (tk: ApiToken) => {
    await api(`/api-tokens/${tk.id}`, { method: 'DELETE' });
    notify(t('account.tokens.revoked', { name: tk.name }));
    list.reload();
  };
  return (
    <>
      <h1>{t('tokens.title')}</h1>
      <p class="lead">{t('tokens.lead')}</p>
      <Async state={list} isEmpty={(x) => x.length === 0} empty={t('account.tokens.empty')}>
        {(items) => <TokenTable items={items} onRevoke={revoke} />}
      </Async>
    </>
  );
}
