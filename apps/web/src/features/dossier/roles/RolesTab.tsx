import type { PreloadQueryFunction } from '@apollo/client/react';
import { useSuspenseQuery } from '@apollo/client/react';
import { decisionRoleLabels, influenceLevelLabels } from '@dossier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RolesTabDocument } from '../../../apollo/generated';
import { useLabel } from '../../../i18n';
import '../forms/dossier-tab.css';
import { MutationError } from '../forms/MutationError';
import { useMayEdit } from '../forms/mayEdit';
import { useSubmit } from '../forms/useSubmit';
import { AssignRoleForm } from './AssignRoleForm';
import { type RoleEntry, RolesTable } from './RolesTable';
import { useRemoveDecisionRole } from './useRemoveDecisionRole';

export function preloadRolesTab(preloadQuery: PreloadQueryFunction, customerId: string) {
  return preloadQuery(RolesTabDocument, { variables: { customerId } });
}

/** Decision roles (购买决策中关键人物角色作用表): purchases in general first, then one table per project. */
export function RolesTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const mayEdit = useMayEdit();
  const label = useLabel();
  const [assigning, setAssigning] = useState(false);
  const remove = useRemoveDecisionRole(customerId);
  const removal = useSubmit(() => undefined);
  const [removing, setRemoving] = useState<string | null>(null);
  const { data } = useSuspenseQuery(RolesTabDocument, { variables: { customerId } });
  const customer = data.customer;
  if (!customer) return null;

  const entries: RoleEntry[] = customer.keyPersons.flatMap((keyPerson) =>
    keyPerson.roles.map((assignment) => ({ keyPerson, assignment })),
  );
  const of = (projectId: string | null) =>
    entries.filter((e) => (e.assignment.project?.id ?? null) === projectId);
  function removeEntry(entry: RoleEntry) {
    setRemoving(entry.assignment.id);
    removal.submit(() => remove(entry.assignment, entry.keyPerson.id));
  }

  /** The role as someone else left it, beside this rep's removal. */
  function conflictFields() {
    const entry = entries.find((e) => e.assignment.id === removing);
    if (!entry) return [];
    const { role, influence, concerns } = entry.assignment;
    const saved = [label(decisionRoleLabels, role), label(influenceLevelLabels, influence), concerns];
    return [
      { label: entry.keyPerson.name, theirs: saved.filter(Boolean).join(' · '), yours: t('roles.removed') },
    ];
  }

  const groups = [
    { id: 'general', title: t('roles.general'), entries: of(null) },
    ...customer.projects.nodes.map((project) => ({
      id: project.id,
      title: project.name,
      entries: of(project.id),
    })),
  ].filter((group) => group.entries.length > 0);

  return (
    <section className="dossier-tab" aria-labelledby="roles-heading">
      <header className="dossier-tab__header">
        <h2 id="roles-heading">{t('roles.heading')}</h2>
        {mayEdit && (
          <button
            type="button"
            className="button"
            aria-expanded={assigning}
            onClick={() => setAssigning(true)}
          >
            {t('roles.assign')}
          </button>
        )}
      </header>
      <MutationError
        error={removal.error}
        fields={[]}
        conflict={{
          fields: conflictFields(),
          onReload: removal.dismiss,
          onReapply: () => {
            // Reloaded after the conflict: the role as saved now, at its new version.
            const entry = entries.find((e) => e.assignment.id === removing);
            if (entry) removeEntry(entry);
            else removal.dismiss();
          },
        }}
      />
      {assigning && (
        <AssignRoleForm
          customerId={customerId}
          keyPersons={customer.keyPersons.filter((person) => person.active)}
          projects={customer.projects.nodes}
          onClose={() => setAssigning(false)}
        />
      )}
      {groups.length === 0 ? (
        <p className="muted">{t('roles.empty')}</p>
      ) : (
        groups.map((group) => (
          <RolesTable key={group.id} title={group.title} entries={group.entries} onRemove={removeEntry} />
        ))
      )}
    </section>
  );
}
