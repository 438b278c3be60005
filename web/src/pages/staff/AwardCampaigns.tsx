// Award campaigns (đợt thi đua, khen thưởng) by year, and opening a new one.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { AwardCampaign, AwardLevel, Page } from '../../api/types';
import { AWARD_LEVELS } from '../../api/types';
import { Async } from '../../components/Async';
import { Badge } from '../../components/Badges';
import { FormError, Input, Select } from '../../components/Field';
import { Link } from '../../components/Link';
import { notify } from '../../components/Notices';
import { explain } from '../../components/refusal';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, recentYears, thisYear } from '../../format';
import { label, t } from '../../i18n';
import { navigate, useQuery } from '../../router';

export default function AwardCampaigns() {
  usePageTitle(t('award.title'));
  const [q, setQ] = useQuery();
  const year = q.get('year') ?? '';
  const list = useFetch((signal) => api<Page<AwardCampaign>>('/award-campaigns', { query: { year }, signal }), [year]);
  return (
    <>
      <h1>{t('award.title')}</h1>
      <p class="lead">{t('award.lead')}</p>
      <details class="panel">
        <summary>{t('award.new')}</summary>
        <CampaignForm />
      </details>
      <div class="filters filters-narrow">
        <Select id="award-year-filter" label={t('award.year')} value={year} onValue={(v) => setQ({ year: v })} placeholder={t('common.all')} options={recentYears(10, thisYear() + 1).map((y) => ({ value: String(y), label: String(y) }))} />
      </div>
      <Async state={list} empty={t('award.empty')}>
        {(p) => (
          <ul class="cards" data-testid="campaigns">
            {p.items.map((c) => (
              <li key={c.id} class="card" data-id={c.id}>
                <div class="card-head">
                  <Badge kind={`a-${c.status}`} text={label('astatus', c.status)} />
                  <span class="meta">{c.year}</span>
                </div>
                <h2 class="h3">
                  <Link href={`/award-campaigns/${c.id}`}>{c.title}</Link>
                </h2>
                <p class="meta">{label('level', c.level)}</p>
                <p class="meta">{t('award.counts', { quota: c.quota, nominated: c.nominated, accepted: c.accepted, awarded: c.awarded })}</p>
                {c.decision_no && <p class="meta">{t('award.decision', { no: c.decision_no, date: formatDate(c.decided_on) })}</p>}
              </li>
            ))}
          </ul>
        )}
      </Async>
    </>
  );
}

function CampaignForm() {
  const [v, setV] = useState({ year: String(thisYear() - 1), level: 'ubnd_bang_khen', quota: '', title: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (x: string) => setV({ ...v, [k]: x });
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    const quota = /^\d+$/.test(v.quota.trim()) ? Number(v.quota.trim()) : 0;
    try {
      const c = await api<AwardCampaign>('/award-campaigns', { json: { year: Number(v.year), level: v.level as AwardLevel, quota, ...(v.title.trim() ? { title: v.title.trim() } : {}) } });
      notify(t('award.created'));
      navigate(`/award-campaigns/${c.id}`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const x = explain(err, ['year', 'level', 'quota', 'title']);
      setErrors(x.errors);
      setError(x.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate>
      <FormError message={error} />
      <div class="row row-3">
        <Select id="award-year" label={t('award.year')} value={v.year} onValue={set('year')} error={errors.year} placeholder={false} required options={recentYears(8, thisYear() + 1).map((y) => ({ value: String(y), label: String(y) }))} />
        <Select id="award-level" label={t('award.level')} value={v.level} onValue={set('level')} error={errors.level} placeholder={false} required options={AWARD_LEVELS.map((l) => ({ value: l, label: label('level', l) }))} />
        <Input id="award-quota" label={t('award.quota')} value={v.quota} onValue={set('quota')} error={errors.quota} required inputMode="numeric" />
      </div>
      <Input id="award-title" label={t('award.name')} hint={t('award.name.hint')} value={v.title} onValue={set('title')} error={errors.title} maxLength={300} />
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('common.saving') : t('award.new')}
        </button>
      </div>
    </form>
  );
}
