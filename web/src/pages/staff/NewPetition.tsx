// Writing a petition: a cooperative for itself (online), the Alliance for any cooperative
// (from paper). It is created as a draft, the files are attached, then it is submitted.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { Petition, PetitionInput } from '../../api/types';
import { ACCEPT, uploadAttachment } from '../../components/Attachments';
import { CoopPicker } from '../../components/CoopPicker';
import { FormError, Input, Select, TextArea } from '../../components/Field';
import { notify } from '../../components/Notices';
import { usePageTitle } from '../../components/usePageTitle';
import { t } from '../../i18n';
import { categories, categoryName, useList } from '../../reference';
import { navigate } from '../../router';
import { useSession } from '../../session';

export default function NewPetition() {
  usePageTitle(t('petition.new.title'));
  const { user } = useSession();
  const cats = useList(categories);
  const coop = user?.role === 'coop';
  const [cooperative, setCooperative] = useState(coop ? String(user?.cooperative_id ?? '') : '');
  const [category, setCategory] = useState('');
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const save = async (submit: boolean) => {
    setBusy(true);
    setErrors({});
    setError('');
    const input: PetitionInput = { cooperative_id: Number(cooperative) || 0, title: title.trim(), content: content.trim(), categories: category ? [category] : [] };
    try {
      const draft = await api<Petition>('/petitions', { json: input });
      for (const f of files) {
        const err = await uploadAttachment(draft.id, f);
        if (err) notify(t('petition.new.fileFailed', { name: f.name, error: err }), 'error');
      }
      if (submit) await api<Petition>(`/petitions/${draft.id}/transitions`, { json: { action: 'submit' } });
      notify(t(submit ? 'petition.new.sent' : 'petition.new.drafted', { code: draft.code }));
      navigate(`/petitions/${draft.id}`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const fe = e.fieldErrors();
      if ('categories' in fe) fe.category = fe.categories;
      setErrors(fe);
      setError(e.errors.length ? t('common.fixErrors') : e.summary);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="narrow">
      <h1>{t('petition.new.title')}</h1>
      <p class="lead">{t('petition.new.lead')}</p>
      <form
        class="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save(true);
        }}
      >
        <FormError message={error} />
        {coop ? (
          <p>
            <strong>{t('petition.cooperative')}:</strong> {user?.cooperative?.name}
          </p>
        ) : (
          <CoopPicker id="cooperative_id" label={t('petition.new.chooseCoop')} value={cooperative} onValue={setCooperative} error={errors.cooperative_id} required />
        )}
        <Select id="category" label={t('petition.category')} value={category} onValue={setCategory} error={errors.category} required options={cats.map((c) => ({ value: c.code, label: categoryName(cats, c.code) }))} />
        <Input id="title" label={t('petition.title')} value={title} onValue={setTitle} error={errors.title} required maxLength={300} />
        <TextArea id="content" label={t('petition.content')} value={content} onValue={setContent} error={errors.content} required rows={8} maxLength={10000} />
        <div class="field">
          <label for="files">{t('petition.new.files')}</label>
          <input id="files" type="file" multiple accept={ACCEPT} onChange={(e) => setFiles(Array.from((e.currentTarget as HTMLInputElement).files ?? []))} />
        </div>
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {busy ? t('common.sending') : t('petition.new.submit')}
          </button>
          <button type="button" class="btn" disabled={busy} onClick={() => save(false)}>
            {t('petition.new.draft')}
          </button>
        </div>
      </form>
    </section>
  );
}
