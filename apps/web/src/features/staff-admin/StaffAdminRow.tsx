import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useMutation } from '@apollo/client/react';
import { StaffRole, staffRoleLabels } from '@dossier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DeactivateStaffDocument,
  SetStaffManagerDocument,
  SetStaffRoleDocument,
  type StaffAdminRow_StaffFragment,
} from '../../apollo/generated';
import { useLabel } from '../../i18n/useLabel';
import { MutationError } from '../dossier/forms/MutationError';
import { ResetPasswordDialog } from './ResetPasswordDialog';

/** What transferCustomers still has to hand over (the server's `extensions.book`). */
interface Book {
  customers: number;
  projects: number;
  relationships: number;
}

/** What is still on a leaver's book when the server refused the deactivation, or null. */
function bookLeft(error: unknown): Book | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const book = error.errors.find((e) => e.extensions?.book)?.extensions?.book;
  return book && typeof book === 'object' ? (book as Book) : null;
}

interface StaffAdminRowProps {
  staff: StaffAdminRow_StaffFragment;
  /** Current staff, who may become this person's manager. */
  managers: readonly StaffAdminRow_StaffFragment[];
}

export function StaffAdminRow({ staff, managers }: StaffAdminRowProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const [resetting, setResetting] = useState(false);
  const [setRole, role] = useMutation(SetStaffRoleDocument);
  const [setManager, manager] = useMutation(SetStaffManagerDocument);
  const [deactivate, deactivation] = useMutation(DeactivateStaffDocument);
  const at = { id: staff.id, expectedVersion: staff.version };
  const ignore = () => undefined;
  const error = role.error ?? manager.error ?? deactivation.error;
  const left = bookLeft(deactivation.error);

  return (
    <tr className={staff.active ? undefined : 'staff-admin__left'}>
      <th scope="row">
        <span className="staff-admin__name">{staff.name}</span>
        <span className="muted">{staff.email}</span>
        {!staff.active && <span className="muted">{t('staffAdmin.inactive')}</span>}
      </th>
      <td>
        <select
          aria-label={t('staffAdmin.roleOf', { name: staff.name })}
          value={staff.role}
          disabled={!staff.active || role.loading}
          onChange={(event) =>
            setRole({ variables: { ...at, role: event.target.value as StaffRole } }).catch(ignore)
          }
        >
          {Object.values(StaffRole).map((value) => (
            <option key={value} value={value}>
              {label(staffRoleLabels, value)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label={t('staffAdmin.managerOf', { name: staff.name })}
          value={staff.manager?.id ?? ''}
          disabled={!staff.active || manager.loading}
          onChange={(event) =>
            setManager({ variables: { ...at, managerId: event.target.value || null } }).catch(ignore)
          }
        >
          <option value="">{t('staffAdmin.noManager')}</option>
          {managers
            .filter((candidate) => candidate.id !== staff.id)
            .map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
        </select>
      </td>
      <td>{staff.customerCount}</td>
      <td>
        <div className="staff-admin__actions">
          <button type="button" className="button button--secondary" onClick={() => setResetting(true)}>
            {t('staffAdmin.resetPassword')}
          </button>
          {staff.active && (
            <button
              type="button"
              className="button button--secondary"
              disabled={deactivation.loading}
              onClick={() => deactivate({ variables: at }).catch(ignore)}
            >
              {t('staffAdmin.deactivate')}
            </button>
          )}
        </div>
        {resetting && <ResetPasswordDialog staff={staff} onClose={() => setResetting(false)} />}
        {left !== null ? (
          <p className="error-message" role="alert">
            {t('staffAdmin.bookNotEmpty', {
              customers: left.customers,
              projects: left.projects,
              relationships: left.relationships,
            })}
          </p>
        ) : (
          <MutationError error={error} fields={[]} />
        )}
      </td>
    </tr>
  );
}
