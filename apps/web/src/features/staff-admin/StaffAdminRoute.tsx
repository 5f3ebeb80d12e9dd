import { type PreloadedQueryRef, type PreloadQueryFunction, useReadQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoaderData } from 'react-router';
import { StaffAdminDocument, type StaffAdminQuery } from '../../apollo/generated';
import { BackupPanel } from './BackupPanel';
import { CreateStaffDialog } from './CreateStaffDialog';
import { StaffAdminRow } from './StaffAdminRow';
import './staff-admin.css';

export const staffAdminLoader = (preloadQuery: PreloadQueryFunction) => () =>
  preloadQuery(StaffAdminDocument);

/**
 * `/staff`, for admins: the whole directory (up to 200, a company of this size) with each person's role,
 * manager and state changed in place, and the state of the backups. The server refuses everyone else
 * (FORBIDDEN).
 */
export function StaffAdminRoute() {
  const { t } = useTranslation();
  const { data } = useReadQuery(useLoaderData<PreloadedQueryRef<StaffAdminQuery>>());
  const [creating, setCreating] = useState(false);
  const staff = data.staffMembers.nodes;
  const current = staff.filter((member) => member.active);

  return (
    <section className="staff-admin" aria-labelledby="staff-admin-title">
      <div className="staff-admin__head">
        <h1 id="staff-admin-title">{t('staffAdmin.title')}</h1>
        <button type="button" className="button" onClick={() => setCreating(true)}>
          {t('staffAdmin.create')}
        </button>
      </div>
      <BackupPanel status={data.backupStatus} />
      {creating && <CreateStaffDialog managers={current} onClose={() => setCreating(false)} />}
      <table className="staff-admin__table">
        <thead>
          <tr>
            <th scope="col">{t('staffAdmin.person')}</th>
            <th scope="col">{t('staffAdmin.role')}</th>
            <th scope="col">{t('staffAdmin.manager')}</th>
            <th scope="col">{t('staffAdmin.customers')}</th>
            <th scope="col">{t('staffAdmin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((member) => (
            <StaffAdminRow key={member.id} staff={member} managers={current} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
