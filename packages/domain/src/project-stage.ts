import { ProjectStage } from './enums.js';

/** Stages that end a project: the sale was won or lost. */
export const CLOSED_STAGES: ReadonlySet<ProjectStage> = new Set([ProjectStage.WON, ProjectStage.LOST]);

/**
 * Why a project may not move from one stage to another, or null when it may. Open stages move freely in
 * both directions (a bid slips back to negotiation); a closed project stays closed: a revived sale is a new
 * project, so the won/lost record of the old one stays true.
 */
export function stageChangeProblem(from: ProjectStage, to: ProjectStage): 'CLOSED' | null {
  return from !== to && CLOSED_STAGES.has(from) ? 'CLOSED' : null;
}
