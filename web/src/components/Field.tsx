// Form fields with their label, hint and the API's error message next to them.
import type { ComponentChildren, PartialInputHTMLAttributes } from 'preact';
import { t } from '../i18n';

type Base = { id: string; label: string; error?: string; hint?: string; required?: boolean; class?: string };

function describedBy(id: string, error?: string, hint?: string) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Wrap({ id, label, error, hint, required, class: cls, children }: Base & { children: ComponentChildren }) {
  return (
    <div class={`field${error ? ' field-invalid' : ''}${cls ? ` ${cls}` : ''}`}>
      <label for={id}>
        {label}
        {required && <span class="req" aria-hidden="true"> *</span>}
      </label>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {children}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

type InputProps = Base & Omit<PartialInputHTMLAttributes<HTMLInputElement>, 'id' | 'label' | 'class' | 'onChange' | 'value' | 'required' | 'role'> & {
  value: string;
  onValue: (v: string) => void;
};

export function Input({ id, label, error, hint, required, class: cls, value, onValue, ...rest }: InputProps) {
  return (
    <Wrap {...{ id, label, error, hint, required, class: cls }}>
      <input
        id={id}
        name={id}
        value={value}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)}
        {...(rest as Record<string, unknown>)}
      />
    </Wrap>
  );
}

type AreaProps = Base & { value: string; onValue: (v: string) => void; rows?: number; maxLength?: number };

export function TextArea({ id, label, error, hint, required, class: cls, value, onValue, rows = 4, maxLength }: AreaProps) {
  return (
    <Wrap {...{ id, label, error, hint, required, class: cls }}>
      <textarea
        id={id}
        name={id}
        rows={rows}
        maxLength={maxLength}
        value={value}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onInput={(e) => onValue((e.currentTarget as HTMLTextAreaElement).value)}
      />
    </Wrap>
  );
}

export type Option = { value: string; label: string };

type SelectProps = Base & { value: string; onValue: (v: string) => void; options: Option[]; placeholder?: string | false; disabled?: boolean };

export function Select({ id, label, error, hint, required, class: cls, value, onValue, options, placeholder, disabled }: SelectProps) {
  return (
    <Wrap {...{ id, label, error, hint, required, class: cls }}>
      <select
        id={id}
        name={id}
        value={value}
        required={required}
        disabled={disabled}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(e) => onValue((e.currentTarget as HTMLSelectElement).value)}
      >
        {placeholder !== false && <option value="">{placeholder ?? t('common.select')}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

type CheckGroupProps = { id: string; legend: string; options: Option[]; values: string[]; onValues: (v: string[]) => void; error?: string; hint?: string; required?: boolean; columns?: boolean };

export function CheckGroup({ id, legend, options, values, onValues, error, hint, required, columns }: CheckGroupProps) {
  const toggle = (v: string, on: boolean) => onValues(on ? [...values.filter((x) => x !== v), v] : values.filter((x) => x !== v));
  return (
    <fieldset class={`field checks${error ? ' field-invalid' : ''}${columns ? ' checks-columns' : ''}`} id={id} aria-describedby={describedBy(id, error, hint)}>
      <legend>
        {legend}
        {required && <span class="req" aria-hidden="true"> *</span>}
      </legend>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      <div class="check-list">
        {options.map((o) => (
          <label key={o.value} class="check">
            <input type="checkbox" name={id} value={o.value} checked={values.includes(o.value)} onChange={(e) => toggle(o.value, (e.currentTarget as HTMLInputElement).checked)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

type RadioGroupProps = { id: string; legend: string; options: Option[]; value: string; onValue: (v: string) => void; error?: string; hint?: string; inline?: boolean; class?: string };

/** One choice among a few, as radio buttons in a fieldset named by its legend. */
export function RadioGroup({ id, legend, options, value, onValue, error, hint, inline, class: cls }: RadioGroupProps) {
  return (
    <fieldset class={`field checks${error ? ' field-invalid' : ''}${inline ? ' checks-inline' : ''}${cls ? ` ${cls}` : ''}`} id={id} aria-describedby={describedBy(id, error, hint)}>
      <legend>{legend}</legend>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      <div class="check-list">
        {options.map((o) => (
          <label key={o.value} class="check">
            <input type="radio" name={id} value={o.value} checked={value === o.value} onChange={() => onValue(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The message above a form when the server refused it. */
export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div class="form-error" role="alert">
      {message}
    </div>
  );
}
