import { StaffRole } from '@dossier/domain';
import type { Row } from './bulk-insert.js';
import type { Demo } from './demo-random.js';

/** Every demo account signs in with this password; production refuses all @demo.dossier logins. */
export const DEMO_PASSWORD = 'dossier-demo';

export interface DemoStaff {
  id: string;
  email: string;
  role: StaffRole;
  /** The sales region a rep covers. */
  region: string | null;
  managerId: string | null;
  active: boolean;
  row: Row;
}

interface Seat {
  email: string;
  role: StaffRole;
  title: string;
  department: string;
  region?: string;
  manager?: string;
  active?: boolean;
}

const { ADMIN, SALES_MANAGER, ANALYST, ARCHIVIST, SALES_REP } = StaffRole;
const rep = (email: string, region: string, manager: string, title = '销售代表'): Seat => ({
  email,
  role: SALES_REP,
  title,
  department: `${region}销售部`,
  region,
  manager,
});

/** The demo company's staff: the five documented logins first, then the rest of the sales force. */
const ROSTER: Seat[] = [
  { email: 'admin@demo.dossier', role: ADMIN, title: '系统管理员', department: '信息技术部' },
  { email: 'manager@demo.dossier', role: SALES_MANAGER, title: '销售总监', department: '销售管理部' },
  rep('rep@demo.dossier', '华东', 'manager@demo.dossier', '大客户经理'),
  { email: 'analyst@demo.dossier', role: ANALYST, title: '数据分析师', department: '市场部' },
  { email: 'archivist@demo.dossier', role: ARCHIVIST, title: '档案管理员', department: '行政部' },
  {
    email: 'manager2@demo.dossier',
    role: SALES_MANAGER,
    title: '南区销售经理',
    department: '销售管理部',
    manager: 'manager@demo.dossier',
  },
  rep('rep2@demo.dossier', '华北', 'manager@demo.dossier'),
  rep('rep3@demo.dossier', '华中', 'manager@demo.dossier'),
  rep('rep4@demo.dossier', '东北', 'manager@demo.dossier'),
  rep('rep5@demo.dossier', '华南', 'manager2@demo.dossier', '大客户经理'),
  rep('rep6@demo.dossier', '西南', 'manager2@demo.dossier'),
  rep('rep7@demo.dossier', '西北', 'manager2@demo.dossier'),
  // Left last month; the customers are still on the books, waiting for a handover.
  { ...rep('former.rep@demo.dossier', '华东', 'manager@demo.dossier'), active: false },
];

export function planStaff(demo: Demo, passwordHash: string): DemoStaff[] {
  const ids = new Map(ROSTER.map((seat) => [seat.email, demo.id()]));
  return ROSTER.map((seat) => {
    const id = ids.get(seat.email) ?? '';
    const managerId = seat.manager ? (ids.get(seat.manager) ?? null) : null;
    const active = seat.active ?? true;
    const createdAt = demo.daysAgo(400, 1500);
    return {
      id,
      email: seat.email,
      role: seat.role,
      region: seat.region ?? null,
      managerId,
      active,
      row: {
        id,
        name: demo.faker.person.fullName(),
        title: seat.title,
        department: seat.department,
        email: seat.email,
        role: seat.role,
        active,
        manager_id: managerId,
        password_hash: passwordHash,
        created_at: createdAt,
        updated_at: active ? createdAt : demo.daysAgo(20, 40),
      },
    };
  });
}
