import {
  AbcClass,
  CustomerLifecycle,
  CustomerNature,
  CustomerOrderField,
  CustomerTier,
  RiskLevel,
  SortDirection,
  StaffRole,
} from '@dossier/domain';
import type { CustomersRouteQueryVariables } from '../../apollo/generated';

/** The enum filters of the list: URL parameter → the values it may take. */
export const ENUM_FILTERS = {
  nature: CustomerNature,
  tier: CustomerTier,
  lifecycle: CustomerLifecycle,
  abc: AbcClass,
  risk: RiskLevel,
} as const;
export type EnumFilter = keyof typeof ENUM_FILTERS;

export type Scope = 'mine' | 'all';

/** What the list shows, read from the URL so a view can be bookmarked and shared. */
export interface ListParams {
  search: string;
  scope: Scope;
  filters: { [F in EnumFilter]?: (typeof ENUM_FILTERS)[F][keyof (typeof ENUM_FILTERS)[F]] };
  region: string;
  sort: CustomerOrderField;
  direction: SortDirection;
}

const oneOf = <T extends string>(values: Record<string, T>, value: string | null): T | undefined =>
  Object.values(values).find((v) => v === value);

/** A rep starts with their own book; managers and analysts with everyone's. */
export const defaultScope = (role: StaffRole | undefined): Scope =>
  role === StaffRole.SALES_REP ? 'mine' : 'all';

export function readListParams(params: URLSearchParams, role: StaffRole | undefined): ListParams {
  const filters: ListParams['filters'] = {};
  for (const name of Object.keys(ENUM_FILTERS) as EnumFilter[]) {
    const value = oneOf<string>(ENUM_FILTERS[name], params.get(name));
    if (value) Object.assign(filters, { [name]: value });
  }
  return {
    search: params.get('q')?.trim() ?? '',
    scope: oneOf<Scope>({ mine: 'mine', all: 'all' }, params.get('scope')) ?? defaultScope(role),
    filters,
    region: params.get('region')?.trim() ?? '',
    sort: oneOf(CustomerOrderField, params.get('sort')) ?? CustomerOrderField.NAME,
    direction: oneOf(SortDirection, params.get('dir')) ?? SortDirection.ASC,
  };
}

/** The `customers` query for a view; `meId` is whose book "mine" means. */
export function variablesOf(list: ListParams, meId: string | undefined): CustomersRouteQueryVariables {
  const { filters } = list;
  return {
    filter: {
      ...(list.search && { search: list.search }),
      ...(list.scope === 'mine' && meId && { ownerId: meId }),
      ...(filters.nature && { nature: [filters.nature] }),
      ...(filters.tier && { tier: [filters.tier] }),
      ...(filters.lifecycle && { lifecycle: [filters.lifecycle] }),
      ...(filters.abc && { abcClass: [filters.abc] }),
      ...(filters.risk && { riskLevel: [filters.risk] }),
      ...(list.region && { region: [list.region] }),
    },
    orderBy: { field: list.sort, direction: list.direction },
  };
}

/** The URL after one control changed: '' removes the parameter, so default views keep short URLs. */
export function withParam(params: URLSearchParams, name: string, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === '') next.delete(name);
  else next.set(name, value);
  return next;
}
