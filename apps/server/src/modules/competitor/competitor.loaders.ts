import { byIdLoader, childrenLoader } from '../../core/loaders.js';
import { Competitor } from './competitor.entity.js';
import { CustomerCompetitor } from './customer-competitor.entity.js';

export const competitorById = byIdLoader(Competitor);

/**
 * The competitors present at many customers at once, by competitor name, each with its
 * competitor read in the same statement: a page of customers costs one statement, whatever its size.
 */
export const competitorsOfCustomer = childrenLoader(
  CustomerCompetitor,
  'customer',
  { competitor: { name: 'asc' }, id: 'asc' },
  ['competitor'],
);

export const customerCompetitorById = byIdLoader(CustomerCompetitor);
