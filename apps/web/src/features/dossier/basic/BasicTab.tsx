import { type PreloadQueryFunction, useSuspenseQuery } from '@apollo/client/react';
import { BasicTabDocument } from '../../../apollo/generated';
import { SheetLinks } from '../../customer-sheet/SheetLinks';
import { WeeklyCheckPanel } from '../../weekly-check/WeeklyCheckPanel';
import { BasicSheet } from './BasicSheet';
import { CharacteristicsSheet } from './CharacteristicsSheet';
import { CustomerTree } from './CustomerTree';

export function preloadBasicTab(preloadQuery: PreloadQueryFunction, customerId: string) {
  return preloadQuery(BasicTabDocument, { variables: { customerId } });
}

/**
 * The basic information sheet and the characteristics, editable, where the customer sits in its group, and
 * the sheets sent to the customer to fill in themselves; above them, the manager's weekly-check comments.
 */
export function BasicTab({ customerId }: { customerId: string }) {
  const { data } = useSuspenseQuery(BasicTabDocument, { variables: { customerId } });
  if (!data.customer) return null;
  return (
    <div className="tab tab--columns">
      <WeeklyCheckPanel customer={data.customer} />
      <BasicSheet customer={data.customer} />
      <CharacteristicsSheet customer={data.customer} />
      <CustomerTree customer={data.customer} />
      <SheetLinks customer={data.customer} />
    </div>
  );
}
