// What the lead agency's steps leave on a petition: the requests for more time and their
// decisions, the opinions asked of coordinating agencies, and a return for more information.
import type { Petition } from '../api/types';
import { formatDate, formatDateTime } from '../format';
import { t } from '../i18n';

export function NeedsInfoBanner({ petition, canEdit }: { petition: Petition; canEdit: boolean }) {
  return (
    <section class="notice-inline needs-info" aria-labelledby="needs-info-h" data-testid="needs-info">
      <h2 id="needs-info-h">{t('petition.needsInfo.title')}</h2>
      <p>{t('petition.needsInfo.what')}</p>
      <p class="pre reason">{petition.return_reason}</p>
      {canEdit && <p>{t('petition.needsInfo.how')}</p>}
    </section>
  );
}

function extensionOutcome(e: Petition['extensions'][number]): string {
  if (e.status === 'granted') return t('petition.extension.granted', { date: formatDate(e.granted_due_on ?? e.proposed_due_on) });
  if (e.status === 'open') return t('petition.extension.open');
  if (e.status === 'withdrawn') return t('petition.extension.withdrawn');
  return t('petition.extension.refused');
}

export function ExtensionList({ petition }: { petition: Petition }) {
  if (!petition.extensions?.length) return null;
  return (
    <section aria-labelledby="extensions-h">
      <h2 id="extensions-h">{t('petition.extensions')}</h2>
      <ol class="answers" data-testid="extensions">
        {petition.extensions.map((e) => (
          <li key={e.id} class="answer" data-status={e.status}>
            <p class="meta">
              <time dateTime={e.requested_at}>{formatDateTime(e.requested_at)}</time> · {t('petition.extension.line', { from: formatDate(e.previous_due_on), to: formatDate(e.proposed_due_on) })}
            </p>
            <p class="pre">{e.reason}</p>
            <p>
              <strong>{extensionOutcome(e)}</strong>
              {e.decision_reason && ` — ${e.decision_reason}`}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function OpinionList({ petition }: { petition: Petition }) {
  if (!petition.opinions?.length) return null;
  return (
    <section aria-labelledby="opinions-h">
      <h2 id="opinions-h">{t('petition.opinions')}</h2>
      <ol class="answers" data-testid="opinions">
        {petition.opinions.map((o) => (
          <li key={o.id} class="answer">
            <p class="meta">
              {o.agency.name} · <time dateTime={o.asked_at}>{formatDateTime(o.asked_at)}</time>
            </p>
            <p class="pre">{o.question}</p>
            {o.answer ? (
              <p class="pre">
                <strong>{t('field.opinion')}:</strong> {o.answer}
                {o.attachment_id && (
                  <>
                    {' '}
                    <a href={`/api/v1/petitions/${petition.id}/attachments/${o.attachment_id}`}>{petition.attachments.find((a) => a.id === o.attachment_id)?.filename}</a>
                  </>
                )}
              </p>
            ) : (
              <p class="hint">{t('petition.opinion.waiting')}</p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
