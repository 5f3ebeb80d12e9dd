import { documentCategoryLabels } from '@dossier/domain';
import type { DestructionRow_DestructionFragment } from '../../apollo/generated';
import { useLabel } from '../../i18n';
import { useFormat } from '../dossier/forms/useFormat';
import { LevelBadge } from './LevelBadge';

/** A destruction record (销毁记录), kept forever: what, its checksum, approved by, carried out by, when. */
export function DestructionRow({ record }: { record: DestructionRow_DestructionFragment }) {
  const label = useLabel();
  const format = useFormat();
  return (
    <tr>
      <th scope="row">
        {record.title}
        <span className="sub">{label(documentCategoryLabels, record.category)}</span>
      </th>
      <td>
        <LevelBadge level={record.level} />
      </td>
      <td>
        <code title={record.sha256}>{record.sha256.slice(0, 12)}…</code>
      </td>
      <td>
        {record.approvedBy.name}
        <span className="sub">{format.dateTime(record.approvedAt)}</span>
      </td>
      <td>
        {record.carriedOutBy.name}
        <span className="sub">{format.dateTime(record.destroyedAt)}</span>
      </td>
    </tr>
  );
}
