import type { ApolloClient } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { AbcMovementWay } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import {
  DashboardMoversAllDocument,
  type DashboardMoversAllQueryVariables,
  type DashboardRouteQuery,
  type RankedCustomers_RowFragment,
} from '../../apollo/generated';
import { formatNumber, useLanguage } from '../../i18n';
import { RankedCustomers } from './RankedCustomers';

type Abc = DashboardRouteQuery['abcClassification'];

/**
 * Fast-growing customers (a better class than in the previous period) and those losing ground (a worse
 * class, or lost: revenue then, none now), as the server lists them: the first rows of each with how
 * many there are; the download fetches every row of that list.
 */
export function Movers({
  abc,
  range,
}: {
  abc: Pick<Abc, 'from' | 'to' | 'risers' | 'fallers'>;
  range: string;
}) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const client = useApolloClient();
  const input = { from: abc.from, to: abc.to };
  const everyRow = (movement: AbcMovementWay) => async () => {
    const rows: RankedCustomers_RowFragment[] = [];
    let after: string | null = null;
    do {
      const page = await moversPage(client, { input, movement, after });
      rows.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return rows;
  };
  const lists = [
    { way: AbcMovementWay.UP, page: abc.risers, caption: t('dashboard.risers'), fileName: `risers_${range}` },
    {
      way: AbcMovementWay.DOWN,
      page: abc.fallers,
      caption: t('dashboard.fallers'),
      fileName: `fallers_${range}`,
    },
  ];
  return (
    <div className="movers">
      {lists.map(({ way, page, caption, fileName }) => (
        <div key={way}>
          <h3>{caption}</h3>
          <p className="muted">
            {t('dashboard.shownOf', {
              shown: formatNumber(page.nodes.length, language),
              n: formatNumber(page.totalCount, language),
            })}
          </p>
          {page.nodes.length > 0 && (
            <RankedCustomers
              caption={caption}
              rows={page.nodes}
              fileName={fileName}
              allRows={everyRow(way)}
            />
          )}
        </div>
      ))}
    </div>
  );
}

/** One page of a movers list, fresh from the server: the download must not fill the cache. */
async function moversPage(client: ApolloClient, variables: DashboardMoversAllQueryVariables) {
  const { data } = await client.query({
    query: DashboardMoversAllDocument,
    variables,
    fetchPolicy: 'no-cache',
  });
  if (!data) throw new Error(`no page of the ${variables.movement} movers arrived`);
  return data.abcClassification.customers;
}
