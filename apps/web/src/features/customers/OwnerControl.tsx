import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OwnerOption_StaffFragment, OwnerOptionsDocument } from '../../apollo/generated';
import { SearchBox, Select } from './FilterControls';
import type { Owner } from './listParams';

/**
 * Whose customers to show: mine, all, or any staff member's, those who left included (their customers wait
 * for a handover). A directory that fits in one page (50, the query's `first`) is all in the select, current
 * staff and those who left in two groups; a larger one is searched by name or e-mail as the user types, and
 * the select lists the matches: a select of hundreds of names is unusable on a tablet.
 */
export function OwnerControl({
  id,
  value,
  onChange,
}: {
  id: string;
  value: Owner;
  onChange: (owner: Owner) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const staffId = value === 'mine' || value === 'all' ? null : value;
  const { data, previousData } = useQuery(OwnerOptionsDocument, {
    variables: { search: search || null, selected: staffId ?? '', withSelected: staffId !== null },
  });
  const shown = data ?? previousData;
  const large = search !== '' || shown?.staffMembers.pageInfo.hasNextPage === true;
  const matches = shown?.staffMembers.nodes ?? [];
  const selected = data?.selected?.__typename === 'Staff' ? data.selected : null;
  // The chosen owner stays an option while a search lists others, so the select still shows who it is.
  const options = selected && !matches.some((s) => s.id === selected.id) ? [selected, ...matches] : matches;

  return (
    <>
      {large && (
        <SearchBox
          id={`${id}-search`}
          label={t('customers.findStaff')}
          hint={t('customers.findStaffHint')}
          value={search}
          onSearch={setSearch}
        />
      )}
      <Select id={id} label={t('customers.owner')} value={value} onChange={onChange}>
        <option value="mine">{t('customers.mine')}</option>
        <option value="all">{t('customers.all')}</option>
        <StaffGroup label={t('customers.currentStaff')} staff={options.filter((s) => s.active)} />
        <StaffGroup label={t('customers.departedStaff')} staff={options.filter((s) => !s.active)} />
      </Select>
    </>
  );
}

/** Each with the number of customers they own: a departed rep's count is what still waits for a handover. */
function StaffGroup({ label, staff }: { label: string; staff: OwnerOption_StaffFragment[] }) {
  const { t } = useTranslation();
  if (staff.length === 0) return null;
  return (
    <optgroup label={label}>
      {staff.map((member) => (
        <option key={member.id} value={member.id}>
          {t('customers.ownerOption', { name: member.name, count: member.customerCount })}
        </option>
      ))}
    </optgroup>
  );
}
