// Schemes (đề án) for the collective economy: the list, and a new one with its final-year targets.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { Page, Scheme, SchemeInput } from '../../api/types';
import { INDICATORS, SCHEME_STATUSES } from '../../api/types';
import { Async } from '../../components/Async';
import { Badge } from '../../components/Badges';
import { FormError, Input, Select, TextArea } from '../../components/Field';
import { indicatorShort } from '../../components/Indicators';
import { Link } from '../../components/Link';
import { notify } from '../../components/Notices';
import { TargetFields, targetsToSend, type TargetTexts } from '../../components/TargetFields';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatIndicator, parseNumber } from '../../format';
import { label, t } from '../../i18n';
import { navigate } from '../../router';

export default function Schemes() {
  usePageTitle(t('scheme.title'));
  const list = useFetch((signal) => api<Page<Scheme>>('/schemes', { signal }), []);
  return (
    <>
      <h1>{t('scheme.title')}</h1>
      <p class="lead">{t('scheme.lead')}</p>
      <details class="panel">
        <summary>{t('scheme.new')}</summary>
        <SchemeForm />
      </details>
      <Async state={list} empty={t('scheme.empty')}>
        {(p) => (
          <ul class="cards" data-testid="schemes">
            {p.items.map((s) => (
              <li key={s.id} class="card">
                <div class="card-head">
                  <Badge kind={`s-${s.status}`} text={label('sstatus', s.status)} />
                  <span class="meta">{t('scheme.period', { from: s.period_start, to: s.period_end })}</span>
                </div>
                <h2 class="h3">
                  <Link href={`/schemes/${s.id}`}>{s.title}</Link>
                </h2>
                {s.description && <p>{s.description}</p>}
                <TargetSummary s={s} />
              </li>
            ))}
          </ul>
        )}
      </Async>
    </>
  );
}

/** "Số HTX 480 · Thành viên 6.000 · …" */
export function TargetSummary({ s }: { s: Scheme }) {
  const items = INDICATORS.filter((i) => s.targets[i.code] !== undefined);
  if (!items.length) return null;
  return (
    <p class="meta">
      {t('scheme.target', { year: s.period_end })}:{' '}
      {items.map((i, n) => (
        <span key={i.code}>
          {n > 0 && ' · '}
          {indicatorShort(i.code)} {formatIndicator(s.targets[i.code], i.unit)}
        </span>
      ))}
    </p>
  );
}

function SchemeForm() {
  const [v, setV] = useState({ title: '', period_start: '', period_end: '', status: 'draft', description: '' });
  const [targets, setTargets] = useState<TargetTexts>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (x: string) => setV({ ...v, [k]: x });
  const year = (s: string) => {
    const n = parseNumber(s);
    return n === null || Number.isNaN(n) ? (s.trim() as unknown as number) : n;
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    const input = {
      title: v.title.trim(),
      period_start: year(v.period_start),
      period_end: year(v.period_end),
      status: v.status as SchemeInput['status'],
      description: v.description.trim(),
      targets: targetsToSend(targets),
    };
    try {
      const s = await api<Scheme>('/schemes', { json: input });
      notify(t('scheme.created'));
      navigate(`/schemes/${s.id}`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setErrors(err.fieldErrors());
      setError(err.errors.length ? t('common.fixErrors') : err.summary);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate>
      <FormError message={error} />
      <Input id="scheme-title" label={t('scheme.name')} value={v.title} onValue={set('title')} error={errors.title} required maxLength={300} />
      <div class="row row-3">
        <Input id="scheme-start" label={t('scheme.period_start')} value={v.period_start} onValue={set('period_start')} error={errors.period_start} required inputMode="numeric" />
        <Input id="scheme-end" label={t('scheme.period_end')} value={v.period_end} onValue={set('period_end')} error={errors.period_end} required inputMode="numeric" />
        <Select id="scheme-status" label={t('scheme.status')} value={v.status} onValue={set('status')} error={errors.status} placeholder={false} options={SCHEME_STATUSES.map((s) => ({ value: s, label: label('sstatus', s) }))} />
      </div>
      <TextArea id="scheme-description" label={t('scheme.description')} value={v.description} onValue={set('description')} error={errors.description} rows={3} maxLength={5000} />
      <fieldset class="group">
        <legend>{t('scheme.targets')}</legend>
        <TargetFields idPrefix="scheme" values={targets} onValue={(code, x) => setTargets({ ...targets, [code]: x })} errors={errors} />
      </fieldset>
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('common.saving') : t('scheme.new')}
        </button>
      </div>
    </form>
  );
}
