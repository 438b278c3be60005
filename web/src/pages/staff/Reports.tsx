// Reports: the yearly collective-economy report, the petition summary, a conference's minutes
// and the award list, as PDF, XLSX or CSV; downloaded at once, or made in the background with
// its progress followed (the job's id stays in the address, so a reload keeps following it).
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, fetchFile, saveFile, type Query } from '../../api/client';
import type { Conference, Job, Page, ReportKind } from '../../api/types';
import { REPORT_FORMATS, REPORT_KINDS } from '../../api/types';
import { FormError, Select } from '../../components/Field';
import { notify } from '../../components/Notices';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatDateTime, recentYears, thisYear } from '../../format';
import { label, t } from '../../i18n';
import { useQuery } from '../../router';

function Radios({ name, legend, options, value, onValue }: { name: string; legend: string; options: { value: string; label: string }[]; value: string; onValue: (v: string) => void }) {
  return (
    <fieldset class="field checks">
      <legend>{legend}</legend>
      <div class="check-list">
        {options.map((o) => (
          <label key={o.value} class="check">
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onValue(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export default function Reports() {
  usePageTitle(t('report.title'));
  const [q, setQ] = useQuery();
  const [kind, setKind] = useState<ReportKind>((REPORT_KINDS as readonly string[]).includes(q.get('kind') ?? '') ? (q.get('kind') as ReportKind) : 'economy');
  const [year, setYear] = useState(String(thisYear() - 1));
  const [format, setFormat] = useState('pdf');
  const [conference, setConference] = useState('');
  const [error, setError] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'' | 'download' | 'job'>('');
  const jobId = q.get('job');
  const confs = useFetch((signal) => (kind === 'conference' ? api<Page<Conference>>('/conferences', { query: { per_page: 100 }, signal }) : Promise.resolve(null)), [kind === 'conference']);
  useEffect(() => {
    if (kind === 'conference' && !conference && confs.data?.items.length) setConference(String(confs.data.items[0].id));
  }, [kind, confs.data]);

  const query = (): Query => (kind === 'conference' ? { format, conference } : { format, year });
  const failed = (err: unknown) => {
    if (!(err instanceof ApiError)) throw err;
    const fe = err.fieldErrors();
    setErrors(fe);
    setError(t('report.failed', { reason: err.errors.length ? err.errors.map((e) => e.message).join(' ') : err.summary }));
  };
  const start = () => {
    setError('');
    setErrors({});
  };

  const download = async () => {
    start();
    setBusy('download');
    try {
      const f = await fetchFile(`/reports/${kind}`, { query: query() });
      saveFile(f.blob, f.filename);
      notify(t('report.downloaded', { file: f.filename }));
    } catch (err) {
      failed(err);
    } finally {
      setBusy('');
    }
  };

  const queue = async () => {
    start();
    setBusy('job');
    try {
      const job = await api<Job>(`/reports/${kind}/jobs`, { method: 'POST', query: query() });
      setQ({ job: String(job.id) });
    } catch (err) {
      failed(err);
    } finally {
      setBusy('');
    }
  };

  return (
    <>
      <h1>{t('report.title')}</h1>
      <p class="lead">{t('report.lead')}</p>
      <form class="form panel" onSubmit={(e) => (e.preventDefault(), download())} noValidate data-testid="report-form">
        <Radios name="kind" legend={t('report.kind')} value={kind} onValue={(v) => setKind(v as ReportKind)} options={REPORT_KINDS.map((k) => ({ value: k, label: label('rkind', k) }))} />
        <div class="row">
          {kind === 'conference' ? (
            <Select id="report-conference" label={t('report.conference')} value={conference} onValue={setConference} error={errors.conference} required options={(confs.data?.items ?? []).map((c) => ({ value: String(c.id), label: `${c.title} (${formatDate(c.held_on)})` }))} />
          ) : (
            <Select id="report-year" label={t('report.year')} value={year} onValue={setYear} error={errors.year} placeholder={false} options={recentYears(8).map((y) => ({ value: String(y), label: String(y) }))} />
          )}
        </div>
        <Radios name="format" legend={t('report.format')} value={format} onValue={setFormat} options={REPORT_FORMATS.map((f) => ({ value: f, label: label('rformat', f) }))} />
        <FormError message={error} />
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={!!busy}>
            {busy === 'download' ? t('report.making') : t('report.download')}
          </button>
          <button type="button" class="btn" disabled={!!busy} onClick={queue} aria-describedby="report-job-hint">
            {t('report.job')}
          </button>
        </div>
        <p class="hint" id="report-job-hint">
          {t('report.job.hint')}
        </p>
      </form>
      {jobId && <JobProgress key={jobId} id={jobId} />}
    </>
  );
}

/** A report being made in the background: its progress bar, then the download. */
function JobProgress({ id }: { id: string }) {
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ctl = new AbortController();
    const poll = async () => {
      try {
        const j = await api<Job>(`/jobs/${id}`, { signal: ctl.signal });
        if (!live) return;
        setJob(j);
        if (j.status === 'queued' || j.status === 'running') timer = setTimeout(poll, 700);
      } catch (err) {
        if (!live || (err as Error).name === 'AbortError') return;
        setError(err instanceof ApiError ? err.summary : String(err));
      }
    };
    poll();
    return () => {
      live = false;
      ctl.abort();
      clearTimeout(timer);
    };
  }, [id]);

  const download = async () => {
    setBusy(true);
    setError('');
    try {
      const f = await fetchFile(`/jobs/${id}/file`);
      saveFile(f.blob, f.filename);
      notify(t('report.downloaded', { file: f.filename }));
    } catch (err) {
      setError(err instanceof ApiError ? err.summary : String(err));
    } finally {
      setBusy(false);
    }
  };

  const pct = job?.progress ?? 0;
  return (
    <section class="panel job" aria-labelledby="job-h" data-testid="job">
      <h2 id="job-h">
        {t('report.job.title')}
        {job && <>: {label('rkind', job.kind)}</>}
      </h2>
      <FormError message={error} />
      {job && (
        <>
          <p class="job-status" role="status" aria-live="polite" data-status={job.status}>
            <span class={`badge badge-j-${job.status}`}>{label('jstatus', job.status)}</span> {pct}%
            <span class="meta"> · {formatDateTime(job.created_at)}</span>
          </p>
          <label for="job-progress" class="sr-only">
            {t('report.job.progress')}
          </label>
          <progress id="job-progress" max={100} value={pct}>
            {pct}%
          </progress>
          {job.status === 'failed' && <FormError message={t('report.job.failed', { error: job.error ?? '' })} />}
          {job.status === 'done' && (
            <p class="actions">
              <button type="button" class="btn btn-primary" disabled={busy} onClick={download}>
                {t('report.job.download')}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
