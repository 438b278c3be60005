// Compiling received petitions into a numbered batch (báo cáo) to the UBND, and the batches sent.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { Batch, Page, Petition } from '../../api/types';
import { Async } from '../../components/Async';
import { FormError, Input } from '../../components/Field';
import { notify } from '../../components/Notices';
import { PetitionCards } from '../../components/PetitionCards';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate } from '../../format';
import { t } from '../../i18n';

export default function Batches() {
  usePageTitle(t('batches.title'));
  const received = useFetch((signal) => api<Page<Petition>>('/petitions', { query: { status: 'received', sort: 'created_at', per_page: 200 }, signal }), []);
  const batches = useFetch((signal) => api<Page<Batch>>('/batches', { query: { per_page: 20 }, signal }), []);
  const [selected, setSelected] = useState<number[]>([]);
  const [title, setTitle] = useState(t('batches.defaultTitle'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const create = async (e: Event) => {
    e.preventDefault();
    setErrors({});
    setError('');
    if (!selected.length) return setError(t('batches.selectSome'));
    setBusy(true);
    try {
      const b = await api<Batch>('/batches', { json: { title: title.trim(), petition_ids: selected } });
      notify(t('batches.created', { number: b.number }));
      setSelected([]);
      received.reload();
      batches.reload();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setErrors(err.fieldErrors());
      setError(err.summary);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t('batches.title')}</h1>
      <section aria-labelledby="received-h">
        <h2 id="received-h">{t('batches.received')}</h2>
        <Async state={received} empty={t('batches.received.empty')}>
          {(p) => (
            <form class="form batch-form" onSubmit={create} noValidate>
              <PetitionCards items={p.items} selected={selected} onSelect={setSelected} />
              <div class="sticky-actions">
                <FormError message={error} />
                <Input id="batch-title" label={t('batches.titleField')} value={title} onValue={setTitle} error={errors.title} required maxLength={300} />
                <button type="submit" class="btn btn-primary" disabled={busy || !selected.length}>
                  {busy ? t('common.sending') : t('batches.create', { n: selected.length })}
                </button>
              </div>
            </form>
          )}
        </Async>
      </section>
      <section aria-labelledby="batches-h">
        <h2 id="batches-h">{t('batches.list')}</h2>
        <Async state={batches} empty={t('batches.list.empty')}>
          {(p) => (
            <ul class="cards">
              {p.items.map((b) => (
                <li key={b.id} class="card">
                  <h3>
                    {b.number} — {b.title}
                  </h3>
                  <p class="meta">
                    {formatDate(b.created_at)} · {t('batches.count', { n: b.petitions.length })}
                  </p>
                  <details>
                    <summary>{t('common.details')}</summary>
                    <ul>
                      {b.petitions.map((x) => (
                        <li key={x.id}>
                          <a href={`/petitions/${x.id}`}>{x.code}</a> {x.title}
                        </li>
                      ))}
                    </ul>
                  </details>
                </li>
              ))}
            </ul>
          )}
        </Async>
      </section>
    </>
  );
}
