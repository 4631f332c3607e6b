import type { Child, FC } from 'hono/jsx';
import type { Translate } from '../../i18n/index.js';

/** Submitted or stored values of a form, as strings. */
export type FormValues = Record<string, string>;

/** A labelled field with its problem, if any; the problem is linked for screen readers. */
export const Field: FC<{ t: Translate; name: string; label: string; errors: ReadonlySet<string>; hint?: string; children?: Child }> = ({
  t,
  name,
  label,
  errors,
  hint,
  children,
}) => (
  <label class={errors.has(name) ? 'field invalid' : 'field'}>
    {label}
    {children}
    {hint ? <span class="hint">{hint}</span> : null}
    {errors.has(name) ? (
      <span class="field-error" id={`${name}-error`}>
        {t('people.form.fieldInvalid')}
      </span>
    ) : null}
  </label>
);

export const Select: FC<{ name: string; value: string | undefined; options: { value: string; label: string }[]; blank?: string; required?: boolean }> = ({
  name,
  value,
  options,
  blank,
  required,
}) => (
  <select name={name} required={required ?? false}>
    {blank !== undefined ? <option value="">{blank}</option> : null}
    {options.map((o) => (
      <option value={o.value} selected={o.value === value}>
        {o.label}
      </option>
    ))}
  </select>
);
