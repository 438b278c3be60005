// Changing a draft (a new one, or one returned by the Alliance for more information).
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import type { Petition } from '../api/types';
import { t } from '../i18n';
import { categories, categoryName, useList } from '../reference';
import { FormError, Input, Select, TextArea } from './Field';
import { notify } from './Notices';

export function DraftEditor({ petition, onDone }: { petition: Petition; onDone: () => void }) {
  const cats = useList(categories);
  const [title, setTitle] = useState(petition.title);
  const [content, setContent] = useState(petition.content);
  const [category, setCategory] = useState(petition.categories[0] ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    const categoriesOut = category ? [category, ...petition.categories.filter((c) => c !== category)] : [];
    try {
      await api(`/petitions/${petition.id}`, { method: 'PATCH', ifMatch: petition.version, json: { title: title.trim(), content: content.trim(), categories: categoriesOut } });
      notify(t('form.saved'));
      onDone();
    } catch (x) {
      if (!(x instanceof ApiError)) throw x;
      const fe = x.fieldErrors();
      if (fe.categories) fe.category = fe.categories;
      setErrors(fe);
      setError(x.status === 412 ? t('form.conflict') : x.errors.length ? t('common.fixErrors') : x.summary);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate>
      <FormError message={error} />
      <Select id="draft-category" label={t('petition.category')} value={category} onValue={setCategory} error={errors.category} required options={cats.map((c) => ({ value: c.code, label: categoryName(cats, c.code) }))} />
      <Input id="draft-title" label={t('petition.title')} value={title} onValue={setTitle} error={errors.title} required maxLength={300} />
      <TextArea id="draft-content" label={t('petition.content')} value={content} onValue={setContent} error={errors.content} required rows={6} />
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
