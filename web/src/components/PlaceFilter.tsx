// Where: a district for the period before 1 July 2025 (the old units), or a commune after it
// (the new communes; the server also finds the old communes merged into it). One at a time.
import { t } from '../i18n';
import { districts, newCommunes, useList } from '../reference';
import { Select } from './Field';

export function PlaceFilter({ idPrefix, district, commune, onPlace }: { idPrefix: string; district: string; commune: string; onPlace: (v: { district: string | null; commune: string | null }) => void }) {
  const dists = useList(districts);
  const comms = useList(newCommunes);
  return (
    <>
      <Select id={`${idPrefix}-district`} label={t('place.district')} value={district} onValue={(v) => onPlace({ district: v || null, commune: null })} placeholder={t('common.all')} options={dists.map((d) => ({ value: d.code, label: d.name }))} />
      <Select id={`${idPrefix}-commune`} label={t('place.commune')} value={commune} onValue={(v) => onPlace({ commune: v || null, district: null })} placeholder={t('common.all')} options={comms.map((c) => ({ value: c.code, label: c.name }))} />
    </>
  );
}
