// One field per plan indicator (a year's plan, a scheme's final-year targets), typed the
// Vietnamese way ("59.000.000", "62,5"), with the API's error next to each ("targets.members").
import type { IndicatorCode, IndicatorUnit } from '../api/types';
import { INDICATORS } from '../api/types';
import { formatDecimal, formatIndicator, parseNumber } from '../format';
import { t, type MsgKey } from '../i18n';
import { Input } from './Field';
import { indicatorName } from './Indicators';

export type TargetTexts = Partial<Record<IndicatorCode, string>>;

/** The stored targets as the texts of the fields: 59000000 → "59.000.000", 62.5 → "62,5". */
export function targetTexts(targets: Record<string, number | undefined>): TargetTexts {
  const out: TargetTexts = {};
  for (const { code } of INDICATORS) {
    const v = targets[code];
    if (v !== undefined && v !== null) out[code] = formatDecimal(v, 2);
  }
  return out;
}

/**
 * The targets to send: a number for each filled field; a text that is not a number is sent as
 * it is, so that the server names the field (one set of rules, the server's).
 */
export function targetsToSend(texts: TargetTexts): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const { code, unit } of INDICATORS) {
    const text = texts[code] ?? '';
    const n = parseNumber(text, { decimalDot: unit === 'pct' });
    if (n === null) continue;
    out[code] = Number.isNaN(n) ? text.trim() : n;
  }
  return out;
}

type Props = {
  idPrefix: string;
  values: TargetTexts;
  onValue: (code: IndicatorCode, v: string) => void;
  /** The API's errors by field ("targets.members"). */
  errors: Record<string, string>;
  /** Actual values to show under each field, and their year. */
  actuals?: { year: number; values: Partial<Record<IndicatorCode, number>> };
  disabled?: boolean;
};

const unitHint = (unit: IndicatorUnit) => t(`unit.${unit}` as MsgKey);

export function TargetFields({ idPrefix, values, onValue, errors, actuals, disabled }: Props) {
  return (
    <div class="targets">
      {INDICATORS.map(({ code, unit }) => {
        const actual = actuals?.values[code];
        const hint = actual === undefined ? unitHint(unit) : `${unitHint(unit)}. ${t('plan.actual', { year: actuals!.year, value: formatIndicator(actual, unit) })}`;
        return (
          <Input
            key={code}
            id={`${idPrefix}-${code}`}
            label={indicatorName(code)}
            hint={hint}
            value={values[code] ?? ''}
            onValue={(v) => onValue(code, v)}
            error={errors[`targets.${code}`]}
            inputMode="decimal"
            autoComplete="off"
            disabled={disabled}
          />
        );
      })}
    </div>
  );
}
