import { useTranslation } from 'react-i18next';
import type { DashboardRouteQuery } from '../../apollo/generated';
import { formatNumber, useLanguage } from '../../i18n';
import { movers } from './movements';
import { RankedCustomers } from './RankedCustomers';

type Abc = DashboardRouteQuery['abcClassification'];

/** Up to how many customers each list shows; the download holds the same rows. */
const SHOWN = 10;

/** Fast-growing customers (a better class than in the previous period) and those losing ground. */
export function Movers({ abc, range }: { abc: Pick<Abc, 'a' | 'b' | 'c'>; range: string }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const pages = [abc.a, abc.b, abc.c];
  const rows = pages.flatMap((page) => page.nodes);
  // Each class's first page is asked for; a class larger than that page is listed in part.
  const partial = pages.some((page) => page.totalCount > page.nodes.length);
  const lists = [
    { way: 'up', caption: t('dashboard.risers'), fileName: `risers_${range}` },
    { way: 'down', caption: t('dashboard.fallers'), fileName: `fallers_${range}` },
  ] as const;
  return (
    <div className="movers">
      {lists.map(({ way, caption, fileName }) => {
        const found = movers(rows, way);
        return (
          <div key={way}>
            <h3>{caption}</h3>
            <p className="muted">
              {t('dashboard.shownOf', {
                shown: formatNumber(Math.min(found.length, SHOWN), language),
                n: formatNumber(found.length, language),
              })}
            </p>
            {found.length > 0 && (
              <RankedCustomers caption={caption} rows={found.slice(0, SHOWN)} fileName={fileName} />
            )}
          </div>
        );
      })}
      {partial && <p className="muted">{t('dashboard.moversPartial', { n: abc.a.nodes.length })}</p>}
    </div>
  );
}
