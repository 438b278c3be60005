// The awarded cooperatives, public: by year and award (Bằng khen of the UBND, Giấy khen of the Alliance).
import { AWARD_LEVELS } from '../../api/types';
import { Async } from '../../components/Async';
import { AwardGroups, loadAwards } from '../../components/Awards';
import { Select } from '../../components/Field';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { recentYears, thisYear } from '../../format';
import { label, t } from '../../i18n';
import { useQuery } from '../../router';

export function Awards() {
  usePageTitle(t('awards.title'));
  const [q, setQ] = useQuery();
  const year = q.get('year') ?? '';
  const level = q.get('level') ?? '';
  const list = useFetch((signal) => loadAwards({ year, level }, signal), [year, level]);
  return (
    <>
      <h1>{t('awards.title')}</h1>
      <p class="lead">{t('awards.lead')}</p>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <Select id="awards-year" label={t('award.year')} value={year} onValue={(v) => setQ({ year: v })} placeholder={t('common.all')} options={recentYears(8, thisYear()).map((y) => ({ value: String(y), label: String(y) }))} />
        <Select id="awards-level" label={t('award.level')} value={level} onValue={(v) => setQ({ level: v })} placeholder={t('common.all')} options={AWARD_LEVELS.map((l) => ({ value: l, label: label('level', l) }))} />
      </form>
      <Async state={list} empty={t('awards.empty')} isEmpty={(items) => items.length === 0}>
        {(items) => <AwardGroups items={items} />}
      </Async>
    </>
  );
}
