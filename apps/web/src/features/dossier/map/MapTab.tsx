import type { PreloadQueryFunction } from '@apollo/client/react';
import { useSuspenseQuery } from '@apollo/client/react';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MapTabDocument } from '../../../apollo/generated';
import './map.css';
import { toMapModel } from './mapModel';
import { RelationshipMap } from './RelationshipMap';

/** The relationship map tab (关键人物关系图); lazy-loaded, so React Flow and dagre stay out of the first screen. */
export function MapTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(MapTabDocument, { variables: { customerId } });
  const customer = data.customer;
  const model = useMemo(
    () => (customer ? toMapModel(customer.relationshipMap, [customer.owner, data.me]) : null),
    [customer, data.me],
  );
  if (!customer || !model) return <p role="alert">{t('error.NOT_FOUND')}</p>;
  return (
    <section className="map-tab" aria-label={t('map.heading')}>
      <ReactFlowProvider>
        <RelationshipMap
          customerId={customerId}
          model={model}
          persons={customer.relationshipMap.keyPersons}
        />
      </ReactFlowProvider>
    </section>
  );
}

export function preloadMapTab(preloadQuery: PreloadQueryFunction, customerId: string) {
  return preloadQuery(MapTabDocument, { variables: { customerId } });
}
