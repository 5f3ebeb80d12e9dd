import { type PreloadQueryFunction, useSuspenseQuery } from '@apollo/client/react';
import { BasicTabDocument } from '../../../apollo/generated';
import { BasicSheet } from './BasicSheet';
import { CharacteristicsSheet } from './CharacteristicsSheet';
import { CustomerTree } from './CustomerTree';

export function preloadBasicTab(preloadQuery: PreloadQueryFunction, customerId: string) {
  return preloadQuery(BasicTabDocument, { variables: { customerId } });
}

/** The basic information sheet and the characteristics, editable, and where the customer sits in its group. */
export function BasicTab({ customerId }: { customerId: string }) {
  const { data } = useSuspenseQuery(BasicTabDocument, { variables: { customerId } });
  if (!data.customer) return null;
  return (
    <div className="tab tab--columns">
      <BasicSheet customer={data.customer} />
      <CustomerTree customer={data.customer} />
      <CharacteristicsSheet customer={data.customer} />
    </div>
  );
}
