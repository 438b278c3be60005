// Choosing agencies: one lead agency (a select) and coordinating agencies (checkboxes).
import type { Agency } from '../api/types';
import { CheckGroup, Select } from './Field';

export function LeadAgency({ id, label, agencies, value, onValue, error, required }: { id: string; label: string; agencies: Agency[]; value: string; onValue: (v: string) => void; error?: string; required?: boolean }) {
  return <Select id={id} label={label} value={value} onValue={onValue} error={error} required={required} options={agencies.filter((a) => a.kind !== 'ubnd' && a.kind !== 'office').map((a) => ({ value: String(a.id), label: a.name }))} />;
}

export function CoordinatingAgencies({ id, label, agencies, exclude, values, onValues, error }: { id: string; label: string; agencies: Agency[]; exclude: string; values: string[]; onValues: (v: string[]) => void; error?: string }) {
  return <CheckGroup id={id} legend={label} columns values={values} onValues={onValues} error={error} options={agencies.filter((a) => String(a.id) !== exclude && a.kind !== 'ubnd' && a.kind !== 'office').map((a) => ({ value: String(a.id), label: a.short_name || a.name }))} />;
}

/** Any agency (optionally of some kinds): for an account's agency, a category's default. */
export function AgencySelect({ id, label, agencies, value, onValue, error, required, kinds, hint }: { id: string; label: string; agencies: Agency[]; value: string; onValue: (v: string) => void; error?: string; required?: boolean; kinds?: string[]; hint?: string }) {
  return <Select id={id} label={label} value={value} onValue={onValue} error={error} required={required} hint={hint} options={agencies.filter((a) => !kinds || kinds.includes(a.kind)).map((a) => ({ value: String(a.id), label: a.name }))} />;
}
