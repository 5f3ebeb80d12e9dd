import DataLoader from 'dataloader';
import { unauthenticated } from '../../core/errors.js';
import type { LoaderFactory } from '../../core/loaders.js';
import { coverageScores } from './account-coverage.query.js';

/** Customer.coverageScore: one statement per batch of customers the viewer has already been shown. */
export const coverageScoreOf: LoaderFactory<DataLoader<string, number>> = (em, viewer) =>
  new DataLoader(async (ids) => {
    if (!viewer) return ids.map(() => unauthenticated());
    const scores = await coverageScores(em, viewer, ids);
    return ids.map((id) => scores.get(id) ?? new Error(`customer ${id} is not visible`));
  });
