import { RelationshipState } from '@dossier/domain';

export interface EdgeStyle {
  readonly stroke: string;
  /** SVG stroke-dasharray; null draws a solid line */
  readonly dash: string | null;
  readonly width: number;
}

// Colours that keep a 3:1 contrast on the white canvas (WCAG non-text contrast), so the state is
// readable on a tablet in daylight; NONE is told apart by its dashes, not by colour alone.
const STYLES: Readonly<Record<RelationshipState, EdgeStyle>> = {
  [RelationshipState.POSITIVE]: { stroke: '#15803d', dash: null, width: 3 },
  [RelationshipState.NEUTRAL]: { stroke: '#6b7280', dash: null, width: 2 },
  [RelationshipState.NEGATIVE]: { stroke: '#dc2626', dash: null, width: 3 },
  [RelationshipState.NONE]: { stroke: '#6b7280', dash: '6 5', width: 2 },
};

/** How a link of our staff to a key person is drawn: POSITIVE green, NEUTRAL grey, NEGATIVE red, NONE dashed. */
export function edgeStyle(state: RelationshipState): EdgeStyle {
  return STYLES[state];
}

/** The legend, in the order a rep reads the states: best first, "no contact yet" last. */
export function legendEntries(): { state: RelationshipState; style: EdgeStyle }[] {
  return [
    RelationshipState.POSITIVE,
    RelationshipState.NEUTRAL,
    RelationshipState.NEGATIVE,
    RelationshipState.NONE,
  ].map((state) => ({ state, style: STYLES[state] }));
}

/** The reports-to line of the org chart: thin and neutral, so the coloured links stand out. */
export const REPORTS_TO_STYLE: EdgeStyle = { stroke: '#94a3b8', dash: null, width: 1.5 };
