import DataLoader from 'dataloader';
import { alignOne, type LoaderFactory } from '../../core/loaders.js';
import type { RiskRow } from './risk.types.js';

/** The snapshot rows of many customers in one statement; the caller has checked the customers are visible. */
export const riskOfCustomer: LoaderFactory<DataLoader<string, RiskRow | null>> = (em) =>
  new DataLoader(async (customerIds) => {
    const rows = await em.execute<RiskRow[]>(
      em
        .getKnex()('risk_assessment')
        .select('customer_id', 'level', 'score', 'signals')
        .whereIn('customer_id', [...customerIds]),
    );
    return alignOne(customerIds, rows, (row) => row.customer_id);
  });
