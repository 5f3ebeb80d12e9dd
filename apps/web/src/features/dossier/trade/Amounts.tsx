import { useTranslation } from 'react-i18next';
import { useFormat } from '../forms/useFormat';

interface AmountsProps {
  total: string;
  paid: string;
  returned: string;
  open: string;
  /** Marks the open amount as still owed. */
  owing?: boolean;
}

/** An order's (or several orders') settlement: billed, paid, returned, still open. */
export function Amounts({ total, paid, returned, open, owing = false }: AmountsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <dl className="amounts">
      <div>
        <dt>{t('trade.total')}</dt>
        <dd>{format.money(total)}</dd>
      </div>
      <div>
        <dt>{t('trade.paid')}</dt>
        <dd>{format.money(paid)}</dd>
      </div>
      <div>
        <dt>{t('trade.returned')}</dt>
        <dd>{format.money(returned)}</dd>
      </div>
      <div className={owing ? 'amounts__open' : undefined}>
        <dt>{t('trade.open')}</dt>
        <dd>{format.money(open)}</dd>
      </div>
    </dl>
  );
}
