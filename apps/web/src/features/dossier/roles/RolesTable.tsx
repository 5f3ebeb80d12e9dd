import { decisionRoleLabels, influenceLevelLabels, relationshipStateLabels } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import type { RoleRow_AssignmentFragment, RolesTable_KeyPersonFragment } from '../../../apollo/generated';
import { useLabel } from '../../../i18n';
import { useMayEdit } from '../forms/mayEdit';
import { bestRelationship } from './bestRelationship';

export interface RoleEntry {
  keyPerson: RolesTable_KeyPersonFragment;
  assignment: RoleRow_AssignmentFragment;
}

/** The role table (角色作用表) of one purchase: who decides what, and how well we know them. */
interface RolesTableProps {
  title: string;
  entries: readonly RoleEntry[];
  /**
   * Removal is the tab's, which shows its failure: the row itself is gone while the removal is
   * under way, and comes back when it fails.
   */
  onRemove: (entry: RoleEntry) => void;
}

export function RolesTable({ title, entries, onRemove }: RolesTableProps) {
  const { t } = useTranslation();
  const mayEdit = useMayEdit();
  return (
    <table className="table">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('roles.person')}</th>
          <th scope="col">{t('roles.role')}</th>
          <th scope="col">{t('roles.influence')}</th>
          <th scope="col">{t('roles.concerns')}</th>
          <th scope="col">{t('roles.bestRelationship')}</th>
          {mayEdit && (
            <th scope="col">
              <span className="visually-hidden">{t('roles.actions')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <RoleRow key={entry.assignment.id} {...entry} onRemove={mayEdit ? onRemove : null} />
        ))}
      </tbody>
    </table>
  );
}

/** `onRemove` null: the viewer may not change the dossier, so the row has no remove button. */
function RoleRow({
  keyPerson,
  assignment,
  onRemove,
}: RoleEntry & { onRemove: RolesTableProps['onRemove'] | null }) {
  const { t } = useTranslation();
  const label = useLabel();
  const best = bestRelationship(keyPerson.relationships);
  const roleName = label(decisionRoleLabels, assignment.role);

  return (
    <tr>
      <th scope="row">
        {keyPerson.name}
        {keyPerson.title && <span className="muted"> · {keyPerson.title}</span>}
        {!keyPerson.active && <span className="badge">{t('roles.departed')}</span>}
      </th>
      <td>{roleName}</td>
      <td>{label(influenceLevelLabels, assignment.influence)}</td>
      <td>{assignment.concerns}</td>
      <td>
        <span className={`state state--${best.state.toLowerCase()}`}>
          {label(relationshipStateLabels, best.state)}
        </span>
        {best.staff.length > 0 && <span className="muted"> · {best.staff.join(', ')}</span>}
      </td>
      {onRemove && (
        <td>
          <button
            type="button"
            className="button button--secondary"
            aria-label={t('roles.removeRole', { role: roleName, person: keyPerson.name })}
            onClick={() => onRemove({ keyPerson, assignment })}
          >
            {t('roles.remove')}
          </button>
        </td>
      )}
    </tr>
  );
}
