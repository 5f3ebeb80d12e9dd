import { DecisionRole, decisionRoleLabels, InfluenceLevel, influenceLevelLabels } from '@dossier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RolesTable_KeyPersonFragment } from '../../../apollo/generated';
import { useLabel } from '../../../i18n';
import { Field } from '../forms/Field';
import { FormDialog } from '../forms/FormDialog';
import { MutationError } from '../forms/MutationError';
import { useSubmit } from '../forms/useSubmit';
import { useAssignDecisionRole } from './useAssignDecisionRole';

const FIELDS = ['keyPersonId', 'projectId', 'role', 'influence', 'concerns'] as const;
const GENERAL = '';

interface AssignRoleFormProps {
  customerId: string;
  keyPersons: readonly RolesTable_KeyPersonFragment[];
  projects: ReadonlyArray<{ id: string; name: string }>;
  onClose: () => void;
}

export function AssignRoleForm({ customerId, keyPersons, projects, onClose }: AssignRoleFormProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const [assign, { loading }] = useAssignDecisionRole(customerId);
  const { submit, error, fieldError } = useSubmit(onClose);
  const [keyPersonId, setKeyPersonId] = useState(keyPersons[0]?.id ?? '');
  const [projectId, setProjectId] = useState(GENERAL);
  const [role, setRole] = useState<DecisionRole>(DecisionRole.DECISION_MAKER);
  const [influence, setInfluence] = useState<InfluenceLevel>(InfluenceLevel.HIGH);
  const [concerns, setConcerns] = useState('');

  function save() {
    const keyPerson = keyPersons.find((person) => person.id === keyPersonId);
    if (!keyPerson) return;
    const project = projects.find((p) => p.id === projectId) ?? null;
    submit(() =>
      assign(
        { keyPersonId, projectId: project?.id ?? null, role, influence, concerns: concerns.trim() || null },
        keyPerson,
        project,
      ),
    );
  }

  return (
    <FormDialog title={t('roles.assign')} submitting={loading} onClose={onClose} onSubmit={save}>
      <Field label={t('roles.person')} error={fieldError('keyPersonId')}>
        {(control) => (
          <select {...control} value={keyPersonId} onChange={(e) => setKeyPersonId(e.target.value)}>
            {keyPersons.map((person) => (
              <option key={person.id} value={person.id}>
                {person.title ? `${person.name} · ${person.title}` : person.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('roles.project')} error={fieldError('projectId')}>
        {(control) => (
          <select {...control} value={projectId} onChange={(e) => setProjectId(e.target.value)}>
            <option value={GENERAL}>{t('roles.general')}</option>
            {projects.map((project) => (
              <option key={project.id} value={project.id}>
                {project.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('roles.role')} error={fieldError('role')}>
        {(control) => (
          <select {...control} value={role} onChange={(e) => setRole(e.target.value as DecisionRole)}>
            {Object.values(DecisionRole).map((value) => (
              <option key={value} value={value}>
                {label(decisionRoleLabels, value)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('roles.influence')} error={fieldError('influence')}>
        {(control) => (
          <select
            {...control}
            value={influence}
            onChange={(e) => setInfluence(e.target.value as InfluenceLevel)}
          >
            {Object.values(InfluenceLevel).map((value) => (
              <option key={value} value={value}>
                {label(influenceLevelLabels, value)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('roles.concerns')} error={fieldError('concerns')}>
        {(control) => (
          <textarea {...control} value={concerns} onChange={(e) => setConcerns(e.target.value)} />
        )}
      </Field>
      <MutationError error={error} fields={FIELDS} />
    </FormDialog>
  );
}
