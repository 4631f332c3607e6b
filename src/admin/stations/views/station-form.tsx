import type { FC } from 'hono/jsx';
import type { Translate } from '../../i18n/index.js';
import { CsrfField } from '../../views/layout.js';

export type StationFormValues = Partial<
  Record<'name' | 'region' | 'timezone' | 'emergencyNumber' | 'hotline' | 'drugCounsellingNumber' | 'reliefOfficeNumber', string>
>;

const PHONE_FIELDS = [
  ['emergencyNumber', 'stations.field.emergencyNumber'],
  ['hotline', 'stations.field.hotline'],
  ['drugCounsellingNumber', 'stations.field.drugCounsellingNumber'],
  ['reliefOfficeNumber', 'stations.field.reliefOfficeNumber'],
] as const;

/** Create and edit share one form; the timezone is checked on the server against the IANA list. */
export const StationForm: FC<{ t: Translate; csrfToken: string; action: string; submit: string; values: StationFormValues }> = ({
  t,
  csrfToken,
  action,
  submit,
  values,
}) => (
  <form method="post" action={action} class="stack station-form">
    <CsrfField token={csrfToken} />
    <div class="row">
      <label>
        {t('stations.field.name')}
        <input name="name" required maxlength={100} value={values.name ?? ''} />
      </label>
      <label>
        {t('stations.field.region')}
        <input name="region" required maxlength={100} value={values.region ?? ''} />
      </label>
      <label>
        {t('stations.field.timezone')}
        <input name="timezone" required maxlength={64} placeholder="Asia/Shanghai" value={values.timezone ?? 'Asia/Shanghai'} />
      </label>
    </div>
    <div class="row">
      {PHONE_FIELDS.map(([name, label]) => (
        <label>
          {t(label)}
          <input name={name} type="tel" maxlength={40} required={name === 'emergencyNumber'} value={values[name] ?? (name === 'emergencyNumber' ? '120' : '')} />
        </label>
      ))}
    </div>
    <p class="hint">{t('stations.quietHoursHint')}</p>
    <button type="submit" class="primary">
      {submit}
    </button>
  </form>
);
