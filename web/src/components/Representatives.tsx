// A cooperative's accounts on its register record (the Alliance, the administrator): who they
// are and their state, a new link, withdrawing one (asking first), and inviting a new one.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import type { Account, OneTimeLink, Page } from '../api/types';
import { label, t } from '../i18n';
import { AccountForm } from './AccountForm';
import { Async } from './Async';
import { Badge } from './Badges';
import { ConfirmButton } from './Confirm';
import { LinkResult } from './LinkResult';
import { notify } from './Notices';
import { useFetch } from './useFetch';

export function Representatives({ cooperative }: { cooperative: { id: number; name: string } }) {
  const list = useFetch((signal) => api<Page<Account>>('/users', { query: { role: 'coop', cooperative: cooperative.id, per_page: 100 }, signal }), [cooperative.id]);
  const [links, setLinks] = useState<Record<number, OneTimeLink>>({});
  const withdraw = async (u: Account) => {
    await api(`/users/${u.id}/disable`, { method: 'POST' });
    notify(t('reps.withdrawn', { name: u.display_name }));
    list.reload();
  };
  const newLink = async (u: Account) => {
    try {
      const l = await api<OneTimeLink>(`/users/${u.id}/link`, { method: 'POST' });
      setLinks({ ...links, [u.id]: l });
    } catch (x) {
      notify(x instanceof ApiError ? x.summary : String(x), 'error');
    }
  };
  return (
    <section aria-labelledby="reps-h" data-testid="representatives">
      <h2 id="reps-h">{t('reps.title')}</h2>
      <p class="meta">{t('reps.lead')}</p>
      <Async state={list} empty={t('reps.empty')}>
        {(p) => (
          <ul class="cards">
            {p.items.map((u) => (
              <li key={u.id} class="card" data-testid="rep">
                <div class="card-head">
                  <strong>{u.display_name}</strong>
                  <Badge kind={`u-${u.status}`} text={label('astat', u.status)} />
                </div>
                <p class="meta">
                  {t('user.username')}: {u.username}
                  {u.email && ` · ${u.email}`}
                  {u.phone && ` · ${u.phone}`}
                </p>
                {u.status !== 'disabled' && (
                  <div class="actions">
                    <button type="button" class="btn btn-small" aria-label={t('reps.newLink.for', { name: u.display_name })} onClick={() => newLink(u)}>
                      {t('users.link')}
                    </button>
                    <ConfirmButton small danger label={t('reps.withdraw')} ariaLabel={t('reps.withdraw.for', { name: u.display_name })} question={t('reps.withdraw.confirm', { name: u.display_name })} onConfirm={() => withdraw(u)} />
                  </div>
                )}
                {links[u.id] && <LinkResult id={`rep-link-${u.id}`} link={links[u.id]} />}
              </li>
            ))}
          </ul>
        )}
      </Async>
      <details class="panel">
        <summary>{t('reps.invite')}</summary>
        <AccountForm id="invite" cooperative={cooperative} submitLabel={t('reps.invite.submit')} onCreated={() => list.reload()} />
      </details>
    </section>
  );
}
