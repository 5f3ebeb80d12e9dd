import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ResetStaffPasswordDocument, type StaffAdminRow_StaffFragment } from '../../apollo/generated';
import { Field } from '../dossier/forms/Field';
import { FormDialog } from '../dossier/forms/FormDialog';
import { MutationError } from '../dossier/forms/MutationError';
import { useSubmit } from '../dossier/forms/useSubmit';

/** A new password for someone who forgot theirs; the server signs them out everywhere. */
export function ResetPasswordDialog({
  staff,
  onClose,
}: {
  staff: StaffAdminRow_StaffFragment;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [reset, { loading }] = useMutation(ResetStaffPasswordDocument);
  const { submit, error, fieldError } = useSubmit(onClose);

  return (
    <FormDialog
      title={t('staffAdmin.resetPasswordOf', { name: staff.name })}
      submitting={loading}
      onSubmit={() => submit(() => reset({ variables: { id: staff.id, password } }))}
      onClose={onClose}
    >
      <Field label={t('staffAdmin.newPassword')} error={fieldError('password')}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
      </Field>
      <p className="muted">{t('staffAdmin.passwordRule')}</p>
      <MutationError error={error} fields={['password']} />
    </FormDialog>
  );
}
