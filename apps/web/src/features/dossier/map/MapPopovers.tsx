import { useTranslation } from 'react-i18next';
import { AddPersonForm } from './AddPersonForm';
import { ConflictPopover, ErrorPopover, LinkPopover } from './LinkPopovers';
import type { MapModel } from './mapModel';
import { PersonMenu } from './PersonMenu';
import type { Anchor } from './Popover';
import { Popover } from './Popover';
import { ReportsToPopover } from './ReportsToPopover';
import type { StateChoice } from './StatePopover';
import { TimelinePopover } from './TimelinePopover';
import type { LinkTarget } from './useSetRelationshipState';

export type OpenPopover =
  | { kind: 'link'; relationshipId: string; anchor: Anchor }
  | { kind: 'new'; staffId: string; keyPersonId: string; anchor: Anchor }
  | { kind: 'conflict'; target: LinkTarget; choice: StateChoice; anchor: Anchor }
  | { kind: 'error'; error: unknown; anchor: Anchor }
  | { kind: 'timeline'; relationshipId: string; anchor: Anchor }
  | { kind: 'menu'; keyPersonId: string; anchor: Anchor }
  | { kind: 'reportsTo'; keyPersonId: string; managerId: string; anchor: Anchor }
  | { kind: 'add'; placeholder: boolean };

interface MapPopoversProps {
  customerId: string;
  model: MapModel;
  persons: { id: string; version: number }[];
  popover: OpenPopover;
  onOpen: (popover: OpenPopover) => void;
  onClose: () => void;
}

/** The one popover open on the map, by kind. */
export function MapPopovers({ customerId, model, persons, popover, onOpen, onClose }: MapPopoversProps) {
  const { t } = useTranslation();
  const common = { customerId, model, onOpen, onClose };
  switch (popover.kind) {
    case 'link': {
      const existing = model.relationships.get(popover.relationshipId);
      if (!existing) return null;
      const target = { staffId: existing.staff.id, keyPersonId: existing.keyPerson.id, existing };
      return <LinkPopover {...common} target={target} anchor={popover.anchor} />;
    }
    case 'new':
      return <LinkPopover {...common} target={popover} anchor={popover.anchor} />;
    case 'conflict':
      return (
        <ConflictPopover
          {...common}
          target={popover.target}
          choice={popover.choice}
          anchor={popover.anchor}
        />
      );
    case 'error':
      return <ErrorPopover error={popover.error} anchor={popover.anchor} onClose={onClose} />;
    case 'timeline':
      return (
        <TimelinePopover relationshipId={popover.relationshipId} anchor={popover.anchor} onClose={onClose} />
      );
    case 'menu': {
      const version = persons.find((p) => p.id === popover.keyPersonId)?.version;
      if (version === undefined) return null;
      return (
        <PersonMenu {...common} keyPersonId={popover.keyPersonId} version={version} anchor={popover.anchor} />
      );
    }
    case 'reportsTo': {
      const person = persons.find((p) => p.id === popover.keyPersonId);
      if (!person) return null;
      return (
        <ReportsToPopover
          customerId={customerId}
          model={model}
          person={person}
          managerId={popover.managerId}
          anchor={popover.anchor}
          onClose={onClose}
        />
      );
    }
    case 'add':
      return (
        <Popover
          anchor={{ x: window.innerWidth / 2 - 144, y: 96 }}
          label={t(popover.placeholder ? 'map.addPlaceholder' : 'map.addPerson')}
          onClose={onClose}
        >
          <AddPersonForm {...common} placeholder={popover.placeholder} />
        </Popover>
      );
  }
}
