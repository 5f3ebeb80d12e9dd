import 'graphiql/style.css';
import './monacoWorkers';
import './graphiql.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { useTranslation } from 'react-i18next';
import { SavedExamplesMenu } from './SavedExamplesMenu';

/**
 * The API's own session: the httpOnly cookie goes along with every same-origin request. A token pasted
 * into the headers editor (`Authorization: Bearer …`) takes its place, as for any integration. No
 * incremental delivery: the API has no @defer or @stream.
 */
const fetcher = createGraphiQLFetcher({
  url: '/graphql',
  enableIncrementalDelivery: false,
  fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
});

/** `/graphiql`: GraphiQL for analysts, bundled with its editor and fonts so it runs without the internet. */
export function GraphiQLRoute() {
  const { t } = useTranslation();
  return (
    <section className="graphiql-page" aria-label={t('graphiql.title')}>
      <GraphiQL fetcher={fetcher} defaultQuery={t('graphiql.welcome')}>
        <GraphiQL.Logo>
          <SavedExamplesMenu />
        </GraphiQL.Logo>
      </GraphiQL>
    </section>
  );
}
