// Vietnamese formats, whatever the interface language: dd/mm/yyyy, "59.000.000 đ".
import { lang } from './i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/** "2024-06-30" → "30/06/2024"; a date-time is shown in Vietnam's time (UTC+7). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  const t = new Date(value);
  if (Number.isNaN(t.getTime())) return value;
  const v = new Date(t.getTime() + 7 * 3600 * 1000);
  return `${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
}

/** A date-time as "30/06/2024 14:05" (Vietnam time). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const t = new Date(value);
  if (Number.isNaN(t.getTime())) return value;
  const v = new Date(t.getTime() + 7 * 3600 * 1000);
  return `${formatDate(value)} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`;
}

/** Digits grouped with dots: 5506 → "5.506". */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  const sign = n < 0 ? '-' : '';
  const s = String(Math.abs(Math.trunc(n)));
  return sign + s.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Money in đồng: 59000000 → "59.000.000 đ". */
export function formatMoney(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return `${formatNumber(n)} đ`;
}

/** Money for headlines: 59000000 → "59 triệu đồng", 1100000000 → "1,1 tỷ đồng". */
export function formatMoneyWords(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  const en = lang() === 'en';
  const short = (v: number) => {
    const r = Math.round(v * 10) / 10;
    return en ? String(r) : String(r).replace('.', ',');
  };
  if (Math.abs(n) >= 1e9) return en ? `${short(n / 1e9)} billion VND` : `${short(n / 1e9)} tỷ đồng`;
  if (Math.abs(n) >= 1e6) return en ? `${short(n / 1e6)} million VND` : `${short(n / 1e6)} triệu đồng`;
  return en ? `${formatNumber(n)} VND` : `${formatNumber(n)} đồng`;
}

/** A number with a decimal comma and grouped digits: 71.5 → "71,5", 5506 → "5.506", 100 → "100". */
export function formatDecimal(n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  const f = 10 ** digits;
  const r = Math.round(Math.abs(n) * f) / f;
  const whole = Math.trunc(r);
  const frac = Math.round((r - whole) * f);
  const sign = n < 0 && r !== 0 ? '-' : '';
  const fracText = frac ? `,${String(frac).padStart(digits, '0').replace(/0+$/, '')}` : '';
  return sign + formatNumber(whole) + fracText;
}

/** A percentage with a decimal comma: 100.1 → "100,1%", 94 → "94%". */
export function formatPct(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return `${formatDecimal(n)}%`;
}

/** An indicator's value in its unit: "59.000.000 đ", "71,5%", "5.506". */
export function formatIndicator(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'vnd') return formatMoney(Math.round(value));
  if (unit === 'pct') return formatPct(value);
  return formatDecimal(value);
}

/**
 * A number typed by a person, in the Vietnamese way: dots group digits ("59.000.000"), a comma
 * marks the decimals ("62,5"). For a percentage a lone dot is a decimal point too ("62.5").
 * Empty: null; not a number: NaN.
 */
export function parseNumber(text: string, { decimalDot = false } = {}): number | null {
  let s = text.trim().replace(/\s/g, '');
  if (!s) return null;
  if (decimalDot && !s.includes(',') && (s.match(/\./g) ?? []).length === 1 && !/\.\d{3}$/.test(s)) s = s.replace('.', ',');
  s = s.replace(/\./g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return NaN;
  return Number(s);
}

/** Today as YYYY-MM-DD in Vietnam's time. */
export function todayIso(): string {
  return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

/** A day N days after today, YYYY-MM-DD. */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + 7 * 3600 * 1000 + days * 86400 * 1000).toISOString().slice(0, 10);
}

/** This year in Vietnam's time. */
export const thisYear = (): number => Number(todayIso().slice(0, 4));

/** Years to choose from, newest first: n years down from `from` (this year by default). */
export const recentYears = (n = 8, from = thisYear()): number[] => Array.from({ length: n }, (_, i) => from - i);

/** Today as the server counts it: in Vietnam (UTC+7), like the dates people type. */
export const serverTodayIso = (): string => new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
