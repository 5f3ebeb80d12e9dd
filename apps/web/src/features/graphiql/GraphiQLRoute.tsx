import 'graphiql/style.css';
import './monacoWorkers';
import './graphiql.css';
import { createGraphiQLFetcher, StorageAPI } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { useTranslation } from 'react-i18next';
import { headerlessStorage } from './headerlessStorage';
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

/** GraphiQL's own namespaced localStorage adapter, never given a pasted token to keep. */
const localStore = new StorageAPI().storage;
const storage = localStore ? headerlessStorage(localStore) : undefined;

/** `/graphiql`: GraphiQL for analysts, bundled with its editor and fonts so it runs without the internet. */
export function GraphiQLRoute() {
  const { t } = useTranslation();
  return (
    <section className="graphiql-page" aria-label={t('graphiql.title')}>
      <GraphiQL
        fetcher={fetcher}
        storage={storage}
        // Said explicitly, it also hides the setting that would offer to keep headers (tokens) on disk.
        shouldPersistHeaders={false}
        defaultQuery={t('graphiql.welcome')}
      >
        <GraphiQL.Logo>
          <SavedExamplesMenu />
        </GraphiQL.Logo>
      </GraphiQL>
    </section>
  );
}
