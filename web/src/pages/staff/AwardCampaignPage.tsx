// One award campaign: its nominations; the Alliance nominates; the deciding authority (the
// leadership for a Bằng khen, the Alliance for a Giấy khen) reviews each nomination and records
// the decision. The server's refusals (over the quota, already nominated, one achievement one
// award, not eligible) are shown as it words them.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { AwardCampaign, AwardCampaignDetail, Nomination } from '../../api/types';
import { deciderOf } from '../../api/types';
import { Async, Empty } from '../../components/Async';
import { Badge } from '../../components/Badges';
import { CoopPicker } from '../../components/CoopPicker';
import { FormError, Input, TextArea } from '../../components/Field';
import { Link } from '../../components/Link';
import { notify } from '../../components/Notices';
import { explain } from '../../components/refusal';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, serverTodayIso } from '../../format';
import { label, t } from '../../i18n';
import type { PageProps } from '../../routes';
import { useSession } from '../../session';

export default function AwardCampaignPage({ params }: PageProps) {
  const { user } = useSession();
  const campaign = useFetch((signal) => api<AwardCampaignDetail>(`/award-campaigns/${params.id}`, { signal }), [params.id]);
  usePageTitle(campaign.data?.title ?? t('award.title'));
  if (campaign.error?.status === 404 || campaign.error?.status === 400)
    return (
      <>
        <p class="crumbs">
          <Link href="/award-campaigns">{t('award.title')}</Link>
        </p>
        <h1>{t('award.notFound')}</h1>
      </>
    );
  return (
    <Async state={campaign} isEmpty={() => false}>
      {(c) => {
        const open = c.status === 'open';
        const decider = user?.role === deciderOf(c.level);
        return (
          <>
            <p class="crumbs">
              <Link href="/award-campaigns">{t('award.title')}</Link>
            </p>
            <h1>{c.title}</h1>
            <p class="card-head">
              <Badge kind={`a-${c.status}`} text={label('astatus', c.status)} />
              <span class="meta">
                {label('level', c.level)} · {c.year}
              </span>
            </p>
            <p class="meta" data-testid="campaign-counts">
              {t('award.counts', { quota: c.quota, nominated: c.nominated, accepted: c.accepted, awarded: c.awarded })}
            </p>
            {c.decision_no ? (
              <p class="decision" data-testid="campaign-decision">
                {t('award.decision', { no: c.decision_no, date: formatDate(c.decided_on) })}. {c.signer && t('award.signer', { name: c.signer })}
              </p>
            ) : (
              <p class="hint">{t(deciderOf(c.level) === 'leader' ? 'award.decider.leader' : 'award.decider.alliance')}</p>
            )}

            {open && user?.role === 'alliance' && (
              <section aria-labelledby="nominate-h" class="panel">
                <h2 id="nominate-h">{t('nom.new')}</h2>
                <NominateForm campaign={c} onDone={campaign.reload} />
              </section>
            )}

            <section aria-labelledby="noms-h">
              <h2 id="noms-h">{t('nom.title', { n: c.nominations.length })}</h2>
              {c.nominations.length === 0 ? (
                <Empty message={t('nom.empty')} />
              ) : (
                <ul class="cards" data-testid="nominations">
                  {c.nominations.map((n) => (
                    <NominationCard key={n.id} n={n} review={open && decider} onDone={campaign.reload} />
                  ))}
                </ul>
              )}
            </section>

            {open && decider && (
              <section aria-labelledby="decision-h" class="panel">
                <h2 id="decision-h">{t('dec.title')}</h2>
                <DecisionForm campaign={c} onDone={campaign.reload} />
              </section>
            )}
          </>
        );
      }}
    </Async>
  );
}

function NominateForm({ campaign, onDone }: { campaign: AwardCampaign; onDone: () => void }) {
  const [v, setV] = useState({ cooperative: '', achievement: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    try {
      const n = await api<Nomination>(`/award-campaigns/${campaign.id}/nominations`, { json: { cooperative_id: Number(v.cooperative) || 0, achievement: v.achievement.trim() } });
      notify(t('nom.done', { name: n.cooperative.name }));
      setV({ cooperative: '', achievement: '' });
      onDone();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const x = explain(err, ['cooperative_id', 'achievement']);
      setErrors(x.errors);
      setError(x.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate data-testid="nominate-form">
      <FormError message={error} />
      <CoopPicker id="nom-coop" label={t('nom.cooperative')} value={v.cooperative} onValue={(x) => setV((old) => ({ ...old, cooperative: x }))} error={errors.cooperative_id} required />
      <TextArea id="nom-achievement" label={t('nom.achievement')} value={v.achievement} onValue={(x) => setV((old) => ({ ...old, achievement: x }))} error={errors.achievement} required rows={3} maxLength={2000} />
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('common.sending') : t('nom.submit')}
        </button>
      </div>
    </form>
  );
}

function NominationCard({ n, review, onDone }: { n: Nomination; review: boolean; onDone: () => void }) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async (decision: 'accept' | 'reject') => {
    setBusy(true);
    setErrors({});
    setError('');
    try {
      const r = await api<Nomination>(`/nominations/${n.id}/review`, { json: { decision, ...(decision === 'reject' ? { reason: reason.trim() } : {}) } });
      notify(t('nom.reviewed', { name: r.cooperative.name, status: label('nstatus', r.status) }));
      setRejecting(false);
      setReason('');
      onDone();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const x = explain(err, ['reason']);
      setErrors(x.errors);
      setError(x.message);
    } finally {
      setBusy(false);
    }
  };
  const name = n.cooperative.name;
  return (
    <li class="card" data-coop={n.cooperative.id} data-testid="nomination">
      <div class="card-head">
        <Badge kind={`n-${n.status}`} text={label('nstatus', n.status)} />
      </div>
      <h3>
        <Link href={`/cooperatives/${n.cooperative.id}`}>{name}</Link>
      </h3>
      <p>{n.achievement}</p>
      <p class="meta">{t('nom.proposer', { name: n.proposer })}</p>
      {n.review_reason && <p class="reason">{t('nom.reasonShown', { text: n.review_reason })}</p>}
      {review && n.status !== 'awarded' && (
        <div class="card-actions">
          <FormError message={error} />
          <div class="action-buttons">
            {n.status !== 'accepted' && (
              <button type="button" class="btn btn-primary" disabled={busy} aria-label={t('nom.acceptFor', { name })} onClick={() => send('accept')}>
                {t('nom.accept')}
              </button>
            )}
            {n.status !== 'rejected' && !rejecting && (
              <button type="button" class="btn" disabled={busy} aria-label={t('nom.rejectFor', { name })} onClick={() => setRejecting(true)}>
                {t('nom.reject')}
              </button>
            )}
          </div>
          {rejecting && (
            <form
              class="form action-form"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                send('reject');
              }}
            >
              <TextArea id={`nom-reason-${n.id}`} label={t('nom.reason')} value={reason} onValue={setReason} error={errors.reason} required rows={2} maxLength={2000} />
              <div class="actions">
                <button type="submit" class="btn btn-primary" disabled={busy}>
                  {t('nom.reject')}
                </button>
                <button type="button" class="btn" onClick={() => setRejecting(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </form>
          )}
        </div>
      )}
    </li>
  );
}

function DecisionForm({ campaign, onDone }: { campaign: AwardCampaign; onDone: () => void }) {
  const example = campaign.level === 'ubnd_bang_khen' ? '123/QĐ-UBND' : '45/QĐ-LMHTX';
  const [v, setV] = useState({ decision_no: '', decided_on: serverTodayIso(), signer: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (x: string) => setV({ ...v, [k]: x });
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    try {
      const c = await api<AwardCampaign>(`/award-campaigns/${campaign.id}/decision`, { json: { decision_no: v.decision_no.trim(), decided_on: v.decided_on, signer: v.signer.trim() } });
      notify(t('dec.done', { no: c.decision_no ?? v.decision_no, n: c.awarded }));
      onDone();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const x = explain(err, ['decision_no', 'decided_on', 'signer']);
      setErrors(x.errors);
      setError(x.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate data-testid="decision-form">
      <p>{campaign.accepted > 0 ? t('dec.lead', { n: campaign.accepted }) : t('dec.needAccepted')}</p>
      <FormError message={error} />
      <div class="row row-3">
        <Input id="dec-no" label={t('dec.no')} hint={t('dec.no.hint', { example })} value={v.decision_no} onValue={set('decision_no')} error={errors.decision_no} required maxLength={40} />
        <Input id="dec-on" type="date" label={t('dec.on')} value={v.decided_on} onValue={set('decided_on')} error={errors.decided_on} required max={serverTodayIso()} />
        <Input id="dec-signer" label={t('dec.signer')} value={v.signer} onValue={set('signer')} error={errors.signer} required maxLength={200} />
      </div>
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('common.saving') : t('dec.submit')}
        </button>
      </div>
    </form>
  );
}
