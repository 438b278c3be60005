// A year's plan: the targets of the collective economy, against which the register's actual
// figures are measured. The Alliance and the leadership set them.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { IndicatorCode, Indicators, Plan } from '../../api/types';
import { INDICATORS } from '../../api/types';
import { Async } from '../../components/Async';
import { FormError, Select } from '../../components/Field';
import { notify } from '../../components/Notices';
import { TargetFields, targetTexts, targetsToSend, type TargetTexts } from '../../components/TargetFields';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { recentYears, thisYear } from '../../format';
import { t } from '../../i18n';
import type { PageProps } from '../../routes';
import { navigate } from '../../router';

export default function Plans({ params }: PageProps) {
  const year = /^\d{4}$/.test(params.year ?? '') ? Number(params.year) : thisYear();
  usePageTitle(t('plan.title', { year }));
  const plan = useFetch((signal) => api<Plan>(`/plans/${year}`, { signal }), [year]);
  // The register's figures of that year, when it has any (a future year answers 422).
  const actual = useFetch((signal) => api<Indicators>('/indicators', { query: { year }, signal }).catch(() => null), [year]);
  const years = recentYears(9, thisYear() + 2);
  return (
    <>
      <h1>{t('plan.title', { year })}</h1>
      <p class="lead">{t('plan.lead')}</p>
      <div class="filters filters-narrow">
        <Select id="plan-year" label={t('plan.year')} value={String(year)} onValue={(v) => navigate(`/plans/${v}`)} placeholder={false} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      </div>
      <Async state={plan} isEmpty={() => false}>
        {(p) => <PlanForm key={`${year}:${JSON.stringify(p.targets)}`} year={year} plan={p} actual={actual.data ?? null} onSaved={plan.reload} />}
      </Async>
    </>
  );
}

function PlanForm({ year, plan, actual, onSaved }: { year: number; plan: Plan; actual: Indicators | null; onSaved: () => void }) {
  const [values, setValues] = useState<TargetTexts>(targetTexts(plan.targets));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const empty = Object.keys(plan.targets).length === 0;
  const actuals = actual && actual.cooperatives > 0 ? { year, values: Object.fromEntries(actual.indicators.map((i) => [i.code, i.value])) as Partial<Record<IndicatorCode, number>> } : undefined;

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    try {
      await api<Plan>(`/plans/${year}`, { method: 'PUT', json: { targets: targetsToSend(values) } });
      notify(t('plan.saved', { year }));
      onSaved();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setErrors(err.fieldErrors());
      setError(err.errors.length ? t('common.fixErrors') : err.summary);
      // Bring the first field (in the form's order) with an error into view and focus.
      const first = INDICATORS.find((i) => err.errors.some((x) => x.field === `targets.${i.code}`));
      if (first) setTimeout(() => document.getElementById(`plan-${first.code}`)?.focus(), 0);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form" onSubmit={submit} noValidate data-testid="plan-form">
      {empty && <p class="notice-inline">{t('plan.none', { year })}</p>}
      <FormError message={error} />
      <fieldset class="group">
        <legend>{t('plan.targets')}</legend>
        <TargetFields idPrefix="plan" values={values} onValue={(code, v) => setValues({ ...values, [code]: v })} errors={errors} actuals={actuals} />
      </fieldset>
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('common.saving') : t('plan.save')}
        </button>
      </div>
    </form>
  );
}
