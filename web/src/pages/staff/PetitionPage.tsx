// One petition: its record, answers, attachments, timeline and the actions allowed now.
import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { HistoryEntry, Page, Petition } from '../../api/types';
import { ActionPanel } from '../../components/ActionPanel';
import { AnswerList } from '../../components/AnswerList';
import { Async, ErrorState } from '../../components/Async';
import { ACCEPT, AttachmentList, uploadAttachment } from '../../components/Attachments';
import { Badge, StateBadge, Stars } from '../../components/Badges';
import { ExtensionList, NeedsInfoBanner, OpinionList } from '../../components/DepartmentSteps';
import { DraftEditor } from '../../components/DraftEditor';
import { Link } from '../../components/Link';
import { notify } from '../../components/Notices';
import { OfficialHeader, Signature } from '../../components/OfficialHeader';
import { Timeline } from '../../components/Timeline';
import { UndoNotice } from '../../components/Undo';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatDateTime } from '../../format';
import { label, t } from '../../i18n';
import { categories, categoryName, useList } from '../../reference';
import type { PageProps } from '../../routes';
import { navigate } from '../../router';
import { useSession } from '../../session';

export default function PetitionPage({ params }: PageProps) {
  const { user } = useSession();
  const cats = useList(categories);
  const petition = useFetch((signal) => api<Petition>(`/petitions/${params.id}`, { signal }), [params.id]);
  const history = useFetch((signal) => api<Page<HistoryEntry>>(`/petitions/${params.id}/history`, { signal }), [params.id]);
  usePageTitle(petition.data ? `${petition.data.code} ${petition.data.title}` : t('nav.petitions'));
  const [uploading, setUploading] = useState(false);

  if (petition.error && (petition.error.status === 404 || petition.error.status === 400)) {
    return (
      <>
        <h1>{t('petition.notFound')}</h1>
        <Link href="/petitions">{t('nav.petitions')}</Link>
      </>
    );
  }
  if (petition.error) return <ErrorState message={`${t('common.error')} ${petition.error.summary}`} retry={petition.reload} />;

  const done = (after?: Petition) => {
    // Sent back as not within its remit: the petition is no longer the department's to see.
    if (after && user?.role === 'department' && after.state === 'forwarded') {
      navigate('/queue');
      return;
    }
    petition.reload();
    history.reload();
  };

  const upload = async (files: FileList | null) => {
    if (!files || !petition.data) return;
    setUploading(true);
    for (const f of Array.from(files)) {
      const err = await uploadAttachment(petition.data.id, f);
      notify(err ? t('petition.new.fileFailed', { name: f.name, error: err }) : `${t('common.saved')} ${f.name}`, err ? 'error' : 'ok');
    }
    setUploading(false);
    petition.reload();
  };

  return (
    <Async state={petition} isEmpty={() => false}>
      {(p) => {
        const editable = p.state === 'draft' || p.state === 'needs_info';
        const opinionAsked = p.opinions?.some((o) => !o.answer && o.agency.id === user?.agency_id);
        const canAttach = user && (user.role === 'alliance' || (user.role === 'coop' && editable) || (user.role === 'department' && (p.lead_agency?.id === user.agency_id || opinionAsked)));
        const canEdit = editable && (user?.role === 'alliance' || user?.role === 'coop');
        return (
          <article class="petition">
            <OfficialHeader date={new Date().toISOString()} kind={t('print.petition.kind')} />
            <p class="crumbs no-print">
              <Link href="/petitions">{t('nav.petitions')}</Link>
            </p>
            <p class="no-print">
              <button type="button" class="btn btn-small" onClick={() => window.print()}>
                {t('print.button')}
              </button>
            </p>
            <h1>{p.title}</h1>
            <p class="card-head">
              <span class="code">{p.code}</span>
              <StateBadge state={p.state} />
              {p.overdue && <Badge kind="overdue" text={t('petition.overdue')} />}
              {p.due_soon && !p.overdue && <Badge kind="due-soon" text={t('petition.due_soon')} />}
              {p.answered_late && <Badge kind="late" text={t('petition.late')} />}
              {p.escalated && <Badge kind="escalated" text={t('petition.escalated')} />}
              {p.published && <Badge kind="published" text={t('petition.published')} />}
            </p>
            {p.state === 'needs_info' && <NeedsInfoBanner petition={p} canEdit={canEdit} />}
            <UndoNotice
              until={p.undo_until}
              text={t('undo.assign', { agency: p.lead_agency?.name ?? '' })}
              testId="undo-assign"
              onUndo={async () => {
                await api(`/petitions/${p.id}/undo`, { method: 'POST' });
                done();
              }}
            />
            <div class="two-col">
              <div>
                <section aria-labelledby="content-h">
                  <h2 id="content-h">{t('petition.content')}</h2>
                  <p class="pre">{p.content}</p>
                </section>
                <section aria-labelledby="answers-h">
                  <h2 id="answers-h">{t('petition.answers')}</h2>
                  <AnswerList answers={p.answers} />
                  {p.rating !== null && (
                    <p>
                      {t('petition.rating')}: <Stars n={p.rating} /> ({t('rating.value', { n: p.rating })}){p.rating_comment && ` — ${p.rating_comment}`}
                    </p>
                  )}
                </section>
                <OpinionList petition={p} />
                <ExtensionList petition={p} />
                {canEdit && (
                  <details class="panel" open={p.state === 'needs_info'}>
                    <summary>{p.state === 'needs_info' ? t('petition.needsInfo.edit') : t('petition.editDraft')}</summary>
                    <DraftEditor petition={p} onDone={done} />
                  </details>
                )}
                <section aria-labelledby="actions-h" class="panel no-print">
                  <h2 id="actions-h">{t('petition.actions')}</h2>
                  <ActionPanel petition={p} onDone={done} />
                </section>
                <section aria-labelledby="files-h">
                  <h2 id="files-h">{t('petition.attachments')}</h2>
                  <AttachmentList petition={p} />
                  {canAttach && (
                    <div class="field">
                      <label for="add-files">{t('petition.new.files')}</label>
                      <input id="add-files" type="file" multiple accept={ACCEPT} disabled={uploading} onChange={(e) => upload((e.currentTarget as HTMLInputElement).files)} />
                    </div>
                  )}
                </section>
              </div>
              <aside>
                <dl class="facts">
                  <div>
                    <dt>{t('petition.cooperatives')}</dt>
                    <dd>{p.cooperatives.map((c) => c.name).join(', ')}</dd>
                  </div>
                  <div>
                    <dt>{t('petition.categories')}</dt>
                    <dd>{p.categories.map((c) => categoryName(cats, c)).join(', ')}</dd>
                  </div>
                  <div>
                    <dt>{t('petition.channel')}</dt>
                    <dd>{label('channel', p.channel)}</dd>
                  </div>
                  <div>
                    <dt>{t('petition.created_at')}</dt>
                    <dd>{formatDateTime(p.created_at)}</dd>
                  </div>
                  {p.batch && (
                    <div>
                      <dt>{t('petition.batch')}</dt>
                      <dd>{p.batch.number}</dd>
                    </div>
                  )}
                  {p.lead_agency && (
                    <div>
                      <dt>{t('petition.lead')}</dt>
                      <dd>{p.lead_agency.name}</dd>
                    </div>
                  )}
                  {p.coordinating_agencies.length > 0 && (
                    <div>
                      <dt>{t('petition.coordinating')}</dt>
                      <dd>{p.coordinating_agencies.map((a) => a.name).join(', ')}</dd>
                    </div>
                  )}
                  {p.assigned_on && (
                    <div>
                      <dt>{t('petition.assigned_on')}</dt>
                      <dd>{formatDate(p.assigned_on)}</dd>
                    </div>
                  )}
                  {p.due_on && (
                    <div>
                      <dt>{t('petition.due_on')}</dt>
                      <dd>{formatDate(p.due_on)}</dd>
                    </div>
                  )}
                  {p.answered_on && (
                    <div>
                      <dt>{t('petition.answered_on')}</dt>
                      <dd>{formatDate(p.answered_on)}</dd>
                    </div>
                  )}
                  {p.merged_into && (
                    <div>
                      <dt>{t('petition.merged_into')}</dt>
                      <dd>
                        <Link href={`/petitions/${p.merged_into.id}`}>{p.merged_into.code}</Link>
                      </dd>
                    </div>
                  )}
                  <div>
                    <dt>{t('petition.published')}</dt>
                    <dd>{p.published ? t('common.yes') : t('common.no')}</dd>
                  </div>
                </dl>
                <section aria-labelledby="timeline-h">
                  <h2 id="timeline-h">{t('petition.timeline')}</h2>
                  <Async state={history} isEmpty={() => false}>
                    {(h) => <Timeline items={h.items} />}
                  </Async>
                </section>
              </aside>
            </div>
            <Signature role={t('print.sign.alliance')} />
          </article>
        );
      }}
    </Async>
  );
}
