// The administrator's petition categories: each one's default agency and time limit (working
// days), and a new category.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { CategoryAdmin, Page } from '../../api/types';
import { AgencySelect } from '../../components/AgencyPicker';
import { Async } from '../../components/Async';
import { FormError, Input } from '../../components/Field';
import { notify } from '../../components/Notices';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { lang, t } from '../../i18n';
import { agencies, forget, useList } from '../../reference';
import type { Agency } from '../../api/types';

const nameOf = (c: { name_vi: string; name_en: string }) => (lang() === 'en' ? c.name_en : c.name_vi);

export default function AdminCategories() {
  usePageTitle(t('categories.title'));
  const ags = useList(agencies);
  const list = useFetch((signal) => api<Page<CategoryAdmin>>('/categories', { signal }), []);
  const changed = () => {
    forget('categories');
    list.reload();
  };
  return (
    <>
      <h1>{t('categories.title')}</h1>
      <p class="lead">{t('categories.lead')}</p>
      <Async state={list} isEmpty={() => false}>
        {(p) => (
          <ul class="cards" data-testid="categories">
            {p.items.map((c) => (
              <CategoryCard key={c.code} c={c} ags={ags} onSaved={changed} />
            ))}
          </ul>
        )}
      </Async>
      <details class="panel">
        <summary>{t('categories.new')}</summary>
        <NewCategory ags={ags} onCreated={changed} />
      </details>
    </>
  );
}

function CategoryCard({ c, ags, onSaved }: { c: CategoryAdmin; ags: Agency[]; onSaved: () => void }) {
  const agencyId = c.default_agency_id ?? c.default_agency?.id ?? null;
  const [v, setV] = useState({ name_vi: c.name_vi, name_en: c.name_en, agency: agencyId ? String(agencyId) : '', days: String(c.default_days) });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const set = (k: keyof typeof v) => (x: string) => setV({ ...v, [k]: x });
  const submit = async (e: Event) => {
    e.preventDefault();
    setErrors({});
    setError('');
    const patch: Record<string, unknown> = {};
    if (v.name_vi.trim() !== c.name_vi) patch.name_vi = v.name_vi.trim();
    if (v.name_en.trim() !== c.name_en) patch.name_en = v.name_en.trim();
    if (v.agency !== (agencyId ? String(agencyId) : '')) patch.default_agency_id = v.agency ? Number(v.agency) : null;
    if (v.days.trim() !== String(c.default_days)) patch.default_days = Number(v.days.trim());
    try {
      await api(`/categories/${encodeURIComponent(c.code)}`, { method: 'PATCH', json: patch });
      notify(t('categories.saved', { name: nameOf(c) }));
      onSaved();
    } catch (x) {
      if (!(x instanceof ApiError)) throw x;
      setErrors(x.fieldErrors());
      setError(x.errors.length ? t('common.fixErrors') : x.summary);
    }
  };
  const id = `cat-${c.code}`;
  return (
    <li class="card" data-testid="category">
      <form class="form" onSubmit={submit} noValidate aria-label={nameOf(c)}>
        <div class="card-head">
          <strong>{nameOf(c)}</strong>
          <span class="code">{c.code}</span>
        </div>
        <FormError message={error} />
        <div class="row">
          <Input id={`${id}-vi`} label={t('categories.name_vi')} value={v.name_vi} onValue={set('name_vi')} error={errors.name_vi} required />
          <Input id={`${id}-en`} label={t('categories.name_en')} value={v.name_en} onValue={set('name_en')} error={errors.name_en} required />
        </div>
        <div class="row">
          <AgencySelect id={`${id}-agency`} label={t('categories.default_agency')} agencies={ags} value={v.agency} onValue={set('agency')} error={errors.default_agency_id} />
          <Input id={`${id}-days`} type="number" min={1} max={365} label={t('categories.default_days')} value={v.days} onValue={set('days')} error={errors.default_days} required inputMode="numeric" />
        </div>
        <div class="actions">
          <button type="submit" class="btn btn-small" aria-label={t('categories.saveFor', { name: nameOf(c) })}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </li>
  );
}

function NewCategory({ ags, onCreated }: { ags: Agency[]; onCreated: () => void }) {
  const blank = { code: '', name_vi: '', name_en: '', agency: '', days: '15' };
  const [v, setV] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const set = (k: keyof typeof blank) => (x: string) => setV({ ...v, [k]: x });
  const submit = async (e: Event) => {
    e.preventDefault();
    setErrors({});
    setError('');
    const json: Record<string, unknown> = { code: v.code.trim(), name_vi: v.name_vi.trim(), name_en: v.name_en.trim(), default_days: Number(v.days) };
    if (v.agency) json.default_agency_id = Number(v.agency);
    try {
      await api('/categories', { json });
      notify(t('categories.created', { name: v.name_vi.trim() }));
      setV(blank);
      onCreated();
    } catch (x) {
      if (!(x instanceof ApiError)) throw x;
      setErrors(x.fieldErrors());
      setError(x.errors.length ? t('common.fixErrors') : x.summary);
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate>
      <FormError message={error} />
      <Input id="newcat-code" label={t('common.code')} hint={t('agencies.code.hint')} value={v.code} onValue={set('code')} error={errors.code} required autoCapitalize="none" spellcheck={false} />
      <div class="row">
        <Input id="newcat-vi" label={t('categories.name_vi')} value={v.name_vi} onValue={set('name_vi')} error={errors.name_vi} required />
        <Input id="newcat-en" label={t('categories.name_en')} value={v.name_en} onValue={set('name_en')} error={errors.name_en} required />
      </div>
      <div class="row">
        <AgencySelect id="newcat-agency" label={t('categories.default_agency')} agencies={ags} value={v.agency} onValue={set('agency')} error={errors.default_agency_id} />
        <Input id="newcat-days" type="number" min={1} max={365} label={t('categories.default_days')} value={v.days} onValue={set('days')} error={errors.default_days} required inputMode="numeric" />
      </div>
      <div class="actions">
        <button type="submit" class="btn btn-primary">
          {t('categories.new')}
        </button>
      </div>
    </form>
  );
}
