// The working calendar of a year (administrator): public holidays (weekdays off) and weekend
// days worked in compensation; deadlines count working days with both.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { CalendarDay, HolidayKind, Page } from '../../api/types';
import { Async } from '../../components/Async';
import { Badge } from '../../components/Badges';
import { FormError, Input, Select } from '../../components/Field';
import { notify } from '../../components/Notices';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, thisYear } from '../../format';
import { label, t, type MsgKey } from '../../i18n';
import { useQuery } from '../../router';

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const isWeekend = (day: string) => [0, 6].includes(weekday(day));

export default function AdminCalendar() {
  const [q, setQ] = useQuery();
  const year = Number(q.get('year') ?? thisYear());
  usePageTitle(t('calendar.title', { year }));
  const list = useFetch((signal) => api<Page<CalendarDay>>('/holidays', { query: { year }, signal }), [year]);
  const years = Array.from({ length: 7 }, (_, i) => thisYear() + 2 - i);
  const remove = async (d: CalendarDay) => {
    try {
      await api(`/holidays/${d.day}`, { method: 'DELETE' });
      notify(t('calendar.removed', { date: formatDate(d.day) }));
      list.reload();
    } catch (x) {
      notify(x instanceof ApiError ? x.summary : String(x), 'error');
    }
  };
  return (
    <>
      <h1>{t('calendar.title', { year })}</h1>
      <p class="lead">{t('calendar.lead')}</p>
      <form class="filters filters-narrow" onSubmit={(e) => e.preventDefault()}>
        <Select id="cal-year" label={t('calendar.year')} value={String(year)} onValue={(v) => setQ({ year: v })} placeholder={false} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      </form>
      <Async state={list} empty={t('calendar.empty', { year })}>
        {(p) => (
          <div class="table-wrap">
            <table class="stack" data-testid="calendar">
              <thead>
                <tr>
                  <th scope="col">{t('calendar.day')}</th>
                  <th scope="col">{t('calendar.weekday')}</th>
                  <th scope="col">{t('calendar.name')}</th>
                  <th scope="col">{t('calendar.kind')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {[...p.items]
                  .sort((a, b) => a.day.localeCompare(b.day))
                  .map((d) => (
                    <tr key={d.day}>
                      <th scope="row">{formatDate(d.day)}</th>
                      <td data-label={t('calendar.weekday')}>{t(`wd.${weekday(d.day)}` as MsgKey)}</td>
                      <td data-label={t('calendar.name')}>{d.name}</td>
                      <td data-label={t('calendar.kind')}>
                        <Badge kind={`h-${d.kind ?? 'holiday'}`} text={label('hkind', d.kind ?? 'holiday')} />
                      </td>
                      <td data-label={t('common.actions')}>
                        <button type="button" class="btn btn-small" aria-label={t('calendar.removeFor', { date: formatDate(d.day) })} onClick={() => remove(d)}>
                          {t('common.delete')}
                        </button>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
      <section class="panel" aria-labelledby="cal-add-h">
        <h2 id="cal-add-h">{t('calendar.add')}</h2>
        <AddDay year={year} onAdded={list.reload} />
      </section>
    </>
  );
}

function AddDay({ year, onAdded }: { year: number; onAdded: () => void }) {
  const [v, setV] = useState<{ day: string; name: string; kind: HolidayKind | '' }>({ day: '', name: '', kind: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // A weekend day is a worked day, a weekday a holiday, unless chosen otherwise.
  const kind: HolidayKind = v.kind || (v.day && isWeekend(v.day) ? 'working' : 'holiday');
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    try {
      await api('/holidays', { json: { day: v.day, name: v.name.trim(), kind } });
      notify(t('calendar.added', { date: formatDate(v.day) }));
      setV({ day: '', name: '', kind: '' });
      onAdded();
    } catch (x) {
      if (!(x instanceof ApiError)) throw x;
      setErrors(x.fieldErrors());
      setError(x.errors.length ? t('common.fixErrors') : x.summary);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate>
      <FormError message={error} />
      <div class="row row-3">
        <Input id="cal-day" type="date" label={t('calendar.day')} value={v.day} onValue={(x) => setV({ ...v, day: x })} error={errors.day} required min={`${year - 1}-01-01`} max={`${year + 1}-12-31`} hint={v.day ? t(`wd.${weekday(v.day)}` as MsgKey) : undefined} />
        <Input id="cal-name" label={t('calendar.name')} value={v.name} onValue={(x) => setV({ ...v, name: x })} error={errors.name} required />
        <Select id="cal-kind" label={t('calendar.kind')} hint={t('calendar.kind.hint')} value={kind} onValue={(x) => setV({ ...v, kind: x as HolidayKind })} error={errors.kind} placeholder={false} options={(['holiday', 'working'] as const).map((k) => ({ value: k, label: label('hkind', k) }))} />
      </div>
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('common.saving') : t('calendar.add')}
        </button>
      </div>
    </form>
  );
}
