import type { FC } from 'hono/jsx';
import type { StaffPrincipal } from '../../access/principal.js';
import type { Translate } from '../../i18n/index.js';
import { CsrfField, Flash, Layout } from '../../views/layout.js';
import { NAME_MAX, PERSON_LOCALES, PERSON_STATUSES, PROGRAMMES, RISK_TIERS, TRACKS } from '../fields.js';
import { personLocaleLabel, personStatusLabel, programmeLabel, riskLabel, trackLabel } from '../labels.js';
import { Field, Select, type FormValues } from './form-fields.js';

export interface ParticipantFormChoices {
  stations: { id: string; name: string }[];
  staff: { id: string; displayName: string; stationId: string | null }[];
}

/** Create (no id) or edit a participant's record. */
export const ParticipantFormPage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  id?: string;
  pseudonym?: string;
  values: FormValues;
  errors: ReadonlySet<string>;
  choices: ParticipantFormChoices;
  problem?: string | undefined;
}> = ({ t, staff, csrfToken, id, pseudonym, values, errors, choices, problem }) => {
  const title = id ? t('people.form.editTitle', { pseudonym: pseudonym ?? '' }) : t('people.form.newTitle');
  const staffOptions = choices.staff.map((s) => ({
    value: s.id,
    label: staff.role === 'ADMIN' ? `${s.displayName} · ${choices.stations.find((st) => st.id === s.stationId)?.name ?? ''}` : s.displayName,
  }));
  return (
    <Layout t={t} locale={staff.locale} title={title} signedIn={{ staff, csrfToken }}>
      <p>
        <a href={id ? `/admin/people/${id}` : '/admin/people'}>← {t('people.back')}</a>
      </p>
      <h1>{title}</h1>
      <Flash kind="error" text={problem} />
      <form method="post" action={id ? `/admin/people/${id}` : '/admin/people'} class="card stack person-form" id="participant-form">
        <CsrfField token={csrfToken} />
        <Field t={t} name="displayName" label={t('people.field.displayName')} errors={errors}>
          <input name="displayName" value={values.displayName ?? ''} maxlength={NAME_MAX} required autocomplete="off" />
        </Field>
        <Field t={t} name="phone" label={t('people.field.phone')} errors={errors}>
          <input name="phone" type="tel" value={values.phone ?? ''} maxlength={24} autocomplete="off" />
        </Field>
        {choices.stations.length > 1 || staff.role === 'ADMIN' ? (
          <Field t={t} name="stationId" label={t('people.station')} errors={errors}>
            <Select name="stationId" value={values.stationId} options={choices.stations.map((s) => ({ value: s.id, label: s.name }))} required />
          </Field>
        ) : null}
        <div class="row">
          <Field t={t} name="caseworkerId" label={t('people.caseworker')} errors={errors}>
            <Select name="caseworkerId" value={values.caseworkerId} options={staffOptions} blank={t('people.noCaseworker')} />
          </Field>
          <Field t={t} name="backupCaseworkerId" label={t('people.field.backupCaseworker')} errors={errors}>
            <Select name="backupCaseworkerId" value={values.backupCaseworkerId} options={staffOptions} blank={t('people.noCaseworker')} />
          </Field>
        </div>
        <div class="row">
          <Field t={t} name="programme" label={t('people.field.programme')} errors={errors}>
            <Select name="programme" value={values.programme} options={PROGRAMMES.map((v) => ({ value: v, label: programmeLabel(t, v) }))} required />
          </Field>
          <Field t={t} name="track" label={t('people.track')} errors={errors}>
            <Select name="track" value={values.track} options={TRACKS.map((v) => ({ value: v, label: trackLabel(t, v) }))} required />
          </Field>
          <Field t={t} name="riskTier" label={t('people.riskTier')} errors={errors}>
            <Select name="riskTier" value={values.riskTier} options={RISK_TIERS.map((v) => ({ value: v, label: riskLabel(t, v) }))} required />
          </Field>
        </div>
        <div class="row">
          <Field t={t} name="locale" label={t('people.field.locale')} errors={errors}>
            <Select name="locale" value={values.locale} options={PERSON_LOCALES.map((v) => ({ value: v, label: personLocaleLabel(t, v) }))} required />
          </Field>
          <Field t={t} name="status" label={t('people.status')} errors={errors}>
            <Select name="status" value={values.status} options={PERSON_STATUSES.map((v) => ({ value: v, label: personStatusLabel(t, v) }))} required />
          </Field>
        </div>
        <div class="row">
          <Field t={t} name="programmeStart" label={t('people.field.programmeStart')} errors={errors}>
            <input name="programmeStart" type="date" value={values.programmeStart ?? ''} required />
          </Field>
          <Field t={t} name="recoveryStartDate" label={t('people.field.recoveryStart')} errors={errors}>
            <input name="recoveryStartDate" type="date" value={values.recoveryStartDate ?? ''} />
          </Field>
          <Field t={t} name="birthday" label={t('people.field.birthday')} errors={errors}>
            <input name="birthday" type="date" value={values.birthday ?? ''} />
          </Field>
        </div>
        <div class="row">
          <Field t={t} name="checkInCadence" label={t('people.field.cadence')} errors={errors} hint={t('people.field.cadenceHint')}>
            <input name="checkInCadence" value={values.checkInCadence ?? ''} maxlength={40} autocomplete="off" />
          </Field>
          <Field t={t} name="checkInTime" label={t('people.field.checkInTime')} errors={errors}>
            <input name="checkInTime" type="time" value={values.checkInTime ?? '09:00'} required />
          </Field>
        </div>
        <button type="submit" class="primary big" id="save-participant">
          {t('people.form.save')}
        </button>
      </form>
    </Layout>
  );
};
