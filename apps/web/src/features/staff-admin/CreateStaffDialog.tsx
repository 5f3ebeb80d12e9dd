import { useMutation } from '@apollo/client/react';
import { StaffRole, staffRoleLabels } from '@dossier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateStaffDocument, type StaffAdminRow_StaffFragment } from '../../apollo/generated';
import { useLabel } from '../../i18n/useLabel';
import { Field } from '../dossier/forms/Field';
import { FormDialog } from '../dossier/forms/FormDialog';
import { MutationError } from '../dossier/forms/MutationError';
import { useSubmit } from '../dossier/forms/useSubmit';

const FIELDS = ['name', 'email', 'role', 'managerId', 'password'] as const;

/** A new colleague with an initial password the admin hands over; the list is read again afterwards. */
export function CreateStaffDialog({
  managers,
  onClose,
}: {
  managers: readonly StaffAdminRow_StaffFragment[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const [values, setValues] = useState({
    name: '',
    email: '',
    role: StaffRole.SALES_REP,
    managerId: '',
    password: '',
  });
  const [create, { loading }] = useMutation(CreateStaffDocument, {
    refetchQueries: ['StaffAdmin'],
    awaitRefetchQueries: true,
  });
  const { submit, error, fieldError } = useSubmit(onClose);
  const change = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues({ ...values, [field]: event.target.value });

  function save() {
    const input = { ...values, email: values.email.trim(), managerId: values.managerId || null };
    submit(() => create({ variables: { input } }));
  }

  return (
    <FormDialog title={t('staffAdmin.createTitle')} submitting={loading} onSubmit={save} onClose={onClose}>
      <Field label={t('staffAdmin.name')} error={fieldError('name')}>
        {(control) => <input {...control} value={values.name} onChange={change('name')} />}
      </Field>
      <Field label={t('staffAdmin.email')} error={fieldError('email')}>
        {(control) => <input {...control} type="email" value={values.email} onChange={change('email')} />}
      </Field>
      <Field label={t('staffAdmin.role')} error={fieldError('role')}>
        {(control) => (
          <select {...control} value={values.role} onChange={change('role')}>
            {Object.values(StaffRole).map((value) => (
              <option key={value} value={value}>
                {label(staffRoleLabels, value)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('staffAdmin.manager')} error={fieldError('managerId')}>
        {(control) => (
          <select {...control} value={values.managerId} onChange={change('managerId')}>
            <option value="">{t('staffAdmin.noManager')}</option>
            {managers.map((manager) => (
              <option key={manager.id} value={manager.id}>
                {manager.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('staffAdmin.initialPassword')} error={fieldError('password')}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            value={values.password}
            onChange={change('password')}
          />
        )}
      </Field>
      <p className="muted">{t('staffAdmin.passwordRule')}</p>
      <MutationError error={error} fields={FIELDS} />
    </FormDialog>
  );
}
