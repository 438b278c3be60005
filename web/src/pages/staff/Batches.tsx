// Compiling received petitions into a numbered batch (báo cáo) to the UBND, and the batches sent.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { Batch, Page, Petition } from '../../api/types';
import { Async } from '../../components/Async';
import { ConfirmButton } from '../../components/Confirm';
import { Link } from '../../components/Link';
import { FormError, Input } from '../../components/Field';
import { notify } from '../../components/Notices';
import { PetitionCards } from '../../components/PetitionCards';
import { UndoNotice } from '../../components/Undo';
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

  const create = async () => {
    setErrors({});
    setError('');
    try {
      const b = await api<Batch>('/batches', { json: { title: title.trim(), petition_ids: selected } });
      notify(t('batches.created', { number: b.number }));
      setSelected([]);
      received.reload();
      batches.reload();
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      throw err;
    }
  };
  const codes = (received.data?.items ?? []).filter((p) => selected.includes(p.id)).map((p) => p.code);
  const question = t('batches.confirm', { number: nextNumber(batches.data?.items ?? []), title: title.trim(), n: codes.length, codes: codes.join(', ') });

  return (
    <>
      <h1>{t('batches.title')}</h1>
      <section aria-labelledby="received-h">
        <h2 id="received-h">{t('batches.received')}</h2>
        <Async state={received} empty={t('batches.received.empty')}>
          {(p) => (
            <form class="form batch-form" onSubmit={(e) => e.preventDefault()} noValidate>
              <PetitionCards items={p.items} selected={selected} onSelect={setSelected} />
              <div class="sticky-actions">
                <FormError message={error} />
                <Input id="batch-title" label={t('batches.titleField')} value={title} onValue={setTitle} error={errors.title} required maxLength={300} />
                {selected.length ? (
                  <ConfirmButton label={t('batches.create', { n: selected.length })} question={question} onConfirm={create} />
                ) : (
                  <button type="button" class="btn btn-primary" onClick={() => setError(t('batches.selectSome'))}>
                    {t('batches.create', { n: 0 })}
                  </button>
                )}
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
                    {formatDate(b.created_at)} · {t('batches.count', { n: b.petitions.length })} · <Link href={`/batches/${b.id}/print`}>{t('batches.print', { number: b.number })}</Link>
                  </p>
                  <UndoNotice
                    until={b.undo_until}
                    text={t('undo.batch', { number: b.number })}
                    testId="undo-batch"
                    onUndo={async () => {
                      await api(`/batches/${b.id}/undo`, { method: 'POST' });
                      received.reload();
                      batches.reload();
                    }}
                  />
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

/** The number the server will give: this year's last one plus one (shown as expected). */
function nextNumber(items: Batch[]): string {
  const year = new Date().getFullYear();
  const mine = items.filter((b) => b.created_at.startsWith(String(year))).map((b) => parseInt(b.number, 10)).filter((n) => Number.isFinite(n));
  const n = (mine.length ? Math.max(...mine) : 0) + 1;
  return t('batches.nextNumber', { n: `${n}/BC-LMHTX` });
}
