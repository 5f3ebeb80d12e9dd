import { describe, expect, it } from 'vitest';
import { ProjectStage as S } from './enums.js';
import { stageChangeProblem } from './project-stage.js';

describe('stageChangeProblem', () => {
  it.each([
    [S.LEAD, S.QUALIFIED, null],
    [S.QUALIFIED, S.PROPOSAL, null],
    [S.PROPOSAL, S.BIDDING, null],
    [S.BIDDING, S.NEGOTIATION, null],
    [S.NEGOTIATION, S.WON, null],
    [S.NEGOTIATION, S.BIDDING, null],
    [S.LEAD, S.LOST, null],
    [S.WON, S.WON, null],
    [S.WON, S.NEGOTIATION, 'CLOSED'],
    [S.LOST, S.LEAD, 'CLOSED'],
    [S.LOST, S.WON, 'CLOSED'],
  ])('%s → %s: %s', (from, to, problem) => {
    expect(stageChangeProblem(from, to)).toBe(problem);
  });
});
