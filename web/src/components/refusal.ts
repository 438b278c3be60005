// What to show when the server refuses a form: the field errors next to their fields, and a
// sentence above the form. A conflict (409: over the quota, already nominated, one achievement
// one award, already decided) is said in the server's own words, as is any error on something
// that is not a field of the form.
import type { ApiError } from '../api/client';
import { t } from '../i18n';

export function explain(err: ApiError, fields: string[]): { errors: Record<string, string>; message: string } {
  const all = err.fieldErrors();
  const errors: Record<string, string> = {};
  const other: string[] = [];
  for (const [f, m] of Object.entries(all)) {
    if (fields.includes(f)) errors[f] = m;
    else other.push(m);
  }
  let message: string;
  if (other.length) message = t('award.refused', { reason: other.join(' ') });
  else if (err.status === 409) message = t('award.refused', { reason: err.title });
  else if (Object.keys(errors).length) message = t('common.fixErrors');
  else message = err.summary;
  return { errors, message };
}
