import type { FC } from 'hono/jsx';
import type { StaffPrincipal } from '../../access/principal.js';
import type { Translate } from '../../i18n/index.js';
import { CsrfField, Flash, Layout } from '../../views/layout.js';
import { NAME_MAX, PERSON_LOCALES, PERSON_STATUSES, RELATION_MAX, SHARING_SCOPES } from '../fields.js';
import { personLocaleLabel, personStatusLabel, sharingLabel } from '../labels.js';
import { Field, Select, type FormValues } from './form-fields.js';

/** Add (no familyMemberId) or edit a participant's family member. */
export const FamilyFormPage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  participantId: string;
  pseudonym: string;
  familyMemberId?: string;
  values: FormValues;
  errors: ReadonlySet<string>;
  problem?: string | undefined;
}> = ({ t, staff, csrfToken, participantId, pseudonym, familyMemberId, values, errors, problem }) => {
  const title = familyMemberId ? t('people.family.editTitle', { pseudonym }) : t('people.family.newTitle', { pseudonym });
  const base = `/admin/people/${participantId}/family`;
  return (
    <Layout t={t} locale={staff.locale} title={title} signedIn={{ staff, csrfToken }}>
      <p>
        <a href={`/admin/people/${participantId}`}>← {t('people.back')}</a>
      </p>
      <h1>{title}</h1>
      <Flash kind="error" text={problem} />
      <form method="post" action={familyMemberId ? `${base}/${familyMemberId}` : base} class="card stack" id="family-form">
        <CsrfField token={csrfToken} />
        <Field t={t} name="displayName" label={t('people.field.displayName')} errors={errors}>
          <input name="displayName" value={values.displayName ?? ''} maxlength={NAME_MAX} required autocomplete="off" />
        </Field>
        <Field t={t} name="relation" label={t('people.family.relation')} errors={errors} hint={t('people.family.relationHint')}>
          <input name="relation" value={values.relation ?? ''} maxlength={RELATION_MAX} required list="relations" autocomplete="off" />
          <datalist id="relations">
            {(['people.family.mother', 'people.family.father', 'people.family.spouse', 'people.family.sibling', 'people.family.child'] as const).map((key) => (
              <option value={t(key)}></option>
            ))}
          </datalist>
        </Field>
        <Field t={t} name="phone" label={t('people.field.phone')} errors={errors}>
          <input name="phone" type="tel" value={values.phone ?? ''} maxlength={24} autocomplete="off" />
        </Field>
        <div class="row">
          <Field t={t} name="locale" label={t('people.field.locale')} errors={errors}>
            <Select name="locale" value={values.locale} options={PERSON_LOCALES.map((v) => ({ value: v, label: personLocaleLabel(t, v) }))} required />
          </Field>
          <Field t={t} name="status" label={t('people.status')} errors={errors}>
            <Select name="status" value={values.status} options={PERSON_STATUSES.map((v) => ({ value: v, label: personStatusLabel(t, v) }))} required />
          </Field>
        </div>
        <Field t={t} name="sharingScope" label={t('people.family.sharing')} errors={errors} hint={t('people.family.sharingHint')}>
          <Select name="sharingScope" value={values.sharingScope} options={SHARING_SCOPES.map((v) => ({ value: v, label: sharingLabel(t, v) }))} required />
        </Field>
        <button type="submit" class="primary big" id="save-family">
          {t('people.form.save')}
        </button>
      </form>
    </Layout>
  );
};
