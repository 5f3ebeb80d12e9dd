import { useMutation } from '@apollo/client/react';
import { DecisionRole, decisionRoleLabels, InfluenceLevel, influenceLevelLabels } from '@dossier/domain';
import { canReportTo, superiors } from '@dossier/relationship-map';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AssignMapRoleDocument, MapTabDocument, RemoveMapRoleDocument } from '../../../apollo/generated';
import { useLabel } from '../../../i18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useMayEdit } from '../forms/mayEdit';
import { headerQuery } from '../headerQuery';
import { useUpdateDecisionRole } from '../roles/useUpdateDecisionRole';
import { FavoursForm } from './FavoursForm';
import type { OpenPopover } from './MapPopovers';
import type { MapModel } from './mapModel';
import { PersonLinks } from './PersonLinks';
import { type Anchor, Popover } from './Popover';
import { useSetReportsTo } from './useSetReportsTo';

interface PersonMenuProps {
  customerId: string;
  model: MapModel;
  keyPersonId: string;
  version: number;
  anchor: Anchor;
  onOpen: (popover: OpenPopover) => void;
  onClose: () => void;
}

/**
 * The card's menu: our links to this person, then (for those who may change the dossier) whom this person
 * reports to, and a decision role with its influence.
 */
export function PersonMenu({
  customerId,
  model,
  keyPersonId,
  version,
  anchor,
  onOpen,
  onClose,
}: PersonMenuProps) {
  const { t } = useTranslation();
  const mayEdit = useMayEdit();
  const label = useLabel();
  const id = useId();
  const refetchQueries = [{ query: MapTabDocument, variables: { customerId } }, headerQuery(customerId)];
  const [setReportsTo, reportsTo] = useSetReportsTo(customerId);
  const [assignRole, assigned] = useMutation(AssignMapRoleDocument, { refetchQueries });
  const [removeRole, removed] = useMutation(RemoveMapRoleDocument, { refetchQueries });
  const [updateRole, updated] = useUpdateDecisionRole(customerId, { refetchQueries });
  const held = model.generalRoles.get(keyPersonId) ?? [];
  const person = model.persons.find((p) => p.id === keyPersonId);
  const parent = superiors(model.persons);
  // Nobody may report to one of their own reports: the server refuses cycles, the menu does not offer them.
  const candidates = model.persons.filter((p) => canReportTo(parent, keyPersonId, p.id));
  const [superior, setSuperior] = useState(person?.reportsToId ?? '');
  const [role, setRole] = useState<DecisionRole>(DecisionRole.DECISION_MAKER);
  const [influence, setInfluence] = useState<InfluenceLevel>(InfluenceLevel.HIGH);

  function saveSuperior(event: FormEvent) {
    event.preventDefault();
    setReportsTo({ id: keyPersonId, version }, superior || null)
      .then(onClose)
      .catch(() => undefined);
  }
  function saveRole(event: FormEvent) {
    event.preventDefault();
    // A person holds a role once (per project or in general): a role held changes its influence in one
    // write at the version read, so it is never lost half-way; only a new one is assigned.
    const previous = held.find((r) => r.role === role);
    const saved: Promise<unknown> = previous
      ? updateRole(previous, { influence })
      : assignRole({ variables: { input: { keyPersonId, role, influence } } });
    saved.then(onClose).catch(() => undefined);
  }

  const roleError = assigned.error ?? updated.error ?? removed.error;
  if (!person) return null;
  return (
    <Popover anchor={anchor} label={t('map.cardMenu', { name: person.name })} onClose={onClose}>
      <PersonLinks model={model} keyPersonId={keyPersonId} anchor={anchor} onOpen={onOpen} />
      {mayEdit && (
        <>
          <form className="popover-form" onSubmit={saveSuperior}>
            <label htmlFor={`${id}-up`}>{t('map.reportsTo')}</label>
            <select id={`${id}-up`} value={superior} onChange={(event) => setSuperior(event.target.value)}>
              <option value="">{t('map.nobody')}</option>
              {candidates.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title ? `${p.name} · ${p.title}` : p.name}
                </option>
              ))}
            </select>
            <button type="submit" className="button" disabled={reportsTo.loading}>
              {t('map.save')}
            </button>
            {reportsTo.error && <ErrorMessage error={reportsTo.error} />}
          </form>
          <FavoursForm
            id={`${id}-favours`}
            customerId={customerId}
            person={{ id: keyPersonId, version }}
            current={model.favours.get(keyPersonId) ?? null}
            onSaved={onClose}
          />
          <form className="popover-form" onSubmit={saveRole}>
            {held.length > 0 && (
              <ul className="held-roles">
                {held.map((r) => (
                  <li key={r.id}>
                    {label(decisionRoleLabels, r.role)} · {label(influenceLevelLabels, r.influence)}
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={t('map.removeRole', { role: label(decisionRoleLabels, r.role) })}
                      onClick={() =>
                        removeRole({ variables: { id: r.id, expectedVersion: r.version } })
                          .then(onClose)
                          .catch(() => undefined)
                      }
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <label htmlFor={`${id}-role`}>{t('map.role')}</label>
            <select
              id={`${id}-role`}
              value={role}
              onChange={(event) => setRole(event.target.value as DecisionRole)}
            >
              {Object.values(DecisionRole).map((value) => (
                <option key={value} value={value}>
                  {label(decisionRoleLabels, value)}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-influence`}>{t('map.influenceLabel')}</label>
            <select
              id={`${id}-influence`}
              value={influence}
              onChange={(event) => setInfluence(event.target.value as InfluenceLevel)}
            >
              {Object.values(InfluenceLevel).map((value) => (
                <option key={value} value={value}>
                  {label(influenceLevelLabels, value)}
                </option>
              ))}
            </select>
            <button type="submit" className="button" disabled={assigned.loading || updated.loading}>
              {t('map.assignRole')}
            </button>
            {roleError && <ErrorMessage error={roleError} />}
          </form>
        </>
      )}
    </Popover>
  );
}
