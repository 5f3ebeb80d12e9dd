import { createContext, useContext } from 'react';
import type { Anchor } from './Popover';

/** What the cards and staff nodes can ask of the map; one context instead of callbacks in every node's data. */
export interface MapActions {
  openLink: (relationshipId: string, anchor: Anchor) => void;
  openMenu: (keyPersonId: string, anchor: Anchor) => void;
  toggle: (keyPersonId: string) => void;
  startLink: (staffId: string) => void;
}

export const MapActionsContext = createContext<MapActions | null>(null);

export function useMapActions(): MapActions {
  const actions = useContext(MapActionsContext);
  if (!actions) throw new Error('useMapActions outside the relationship map');
  return actions;
}

/** Where a tap or a key press happened: the pointer, or the middle of the focused element. */
export function anchorOf(event: React.MouseEvent): Anchor {
  if (event.clientX || event.clientY) return { x: event.clientX, y: event.clientY };
  const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.bottom };
}
