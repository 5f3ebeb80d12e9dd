import {
  AbcClass,
  CUSTOMER_CHARACTERISTICS,
  CustomerLifecycle,
  CustomerNature,
  CustomerOrderField,
  CustomerTier,
  RiskCode,
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
  /** a risk signal, as the dashboard's team view links a rep's stale dossiers */
  signal: RiskCode,
} as const;
export type EnumFilter = keyof typeof ENUM_FILTERS;

export type Scope = 'mine' | 'all';
const SCOPES: Record<Scope, Scope> = { mine: 'mine', all: 'all' };

/**
 * Whose customers the list shows: the viewer's ('mine'), everyone's ('all'), or one staff member's, by
 * their global id. Global ids are opaque but base64url: anything else came from a hand-edited URL.
 */
export type Owner = Scope | (string & {});
const GLOBAL_ID = /^[A-Za-z0-9_-]{1,200}$/;

/**
 * Customers with orders in a period (and of a product, category or region): the customers behind a
 * slice of the dashboard's sales composition. `orderedFrom` and `orderedTo` (both needed), `product`,
 * `category`, `orderRegion`.
 */
export interface Ordered {
  from: string;
  to: string;
  product?: string;
  category?: string;
  region?: string;
}
export const ORDERED_PARAMS = ['orderedFrom', 'orderedTo', 'product', 'category', 'orderRegion'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function orderedOf(params: URLSearchParams): Ordered | undefined {
  const from = params.get('orderedFrom') ?? '';
  const to = params.get('orderedTo') ?? '';
  if (!DAY.test(from) || !DAY.test(to)) return undefined;
  const product = params.get('product') ?? '';
  const category = params.get('category')?.trim();
  const region = params.get('orderRegion')?.trim();
  return {
    from,
    to,
    ...(GLOBAL_ID.test(product) && { product }),
    ...(category && { category }),
    ...(region && { region }),
  };
}

/**
 * Conditions on characteristics, one URL parameter each named as the field (`salesCapacity=HIGH`,
 * `serviceArea=华东`): a level must be one of its enum's values, text is matched as contained.
 */
export type CharacteristicParams = Readonly<Record<string, string>>;

function characteristicsOf(params: URLSearchParams): CharacteristicParams {
  const found: Record<string, string> = {};
  for (const c of CUSTOMER_CHARACTERISTICS) {
    const value = params.get(c.field)?.trim() ?? '';
    if (c.kind === 'enum' ? value in c.labels : value !== '') found[c.field] = value;
  }
  return found;
}

/** The characteristics filter of the query: a level as a one-value list, text as given. */
function characteristicsFilter(given: CharacteristicParams) {
  const entries = CUSTOMER_CHARACTERISTICS.filter((c) => given[c.field]).map((c) => [
    c.field,
    c.kind === 'enum' ? [given[c.field]] : given[c.field],
  ]);
  return entries.length > 0 ? { characteristics: Object.fromEntries(entries) } : {};
}

/** What the list shows, read from the URL so a view can be bookmarked and shared. */
export interface ListParams {
  search: string;
  owner: Owner;
  filters: { [F in EnumFilter]?: (typeof ENUM_FILTERS)[F][keyof (typeof ENUM_FILTERS)[F]] };
  region: string;
  /** Customers where this competitor (a global id) is present. */
  competitor: string;
  characteristics: CharacteristicParams;
  ordered?: Ordered;
  sort: CustomerOrderField;
  direction: SortDirection;
}

const oneOf = <T extends string>(values: Record<string, T>, value: string | null): T | undefined =>
  Object.values(values).find((v) => v === value);

/** A rep starts with their own book; managers and analysts with everyone's. */
export const defaultScope = (role: StaffRole | undefined): Scope =>
  role === StaffRole.SALES_REP ? 'mine' : 'all';

/** `owner=`, else the `scope=` of bookmarks made before the owner filter, else the role's default. */
function ownerOf(params: URLSearchParams, role: StaffRole | undefined): Owner {
  const owner = params.get('owner')?.trim() ?? '';
  if (GLOBAL_ID.test(owner)) return owner;
  return oneOf(SCOPES, params.get('scope')) ?? defaultScope(role);
}

export function readListParams(params: URLSearchParams, role: StaffRole | undefined): ListParams {
  const filters: ListParams['filters'] = {};
  for (const name of Object.keys(ENUM_FILTERS) as EnumFilter[]) {
    const value = oneOf<string>(ENUM_FILTERS[name], params.get(name));
    if (value) Object.assign(filters, { [name]: value });
  }
  const ordered = orderedOf(params);
  return {
    search: params.get('q')?.trim() ?? '',
    owner: ownerOf(params, role),
    filters,
    region: params.get('region')?.trim() ?? '',
    competitor: GLOBAL_ID.test(params.get('competitor') ?? '') ? (params.get('competitor') as string) : '',
    characteristics: characteristicsOf(params),
    ...(ordered && { ordered }),
    sort: oneOf(CustomerOrderField, params.get('sort')) ?? CustomerOrderField.NAME,
    direction: oneOf(SortDirection, params.get('dir')) ?? SortDirection.ASC,
  };
}

/** The `customers` query for a view; `meId` is whose book "mine" means. */
export function variablesOf(list: ListParams, meId: string | undefined): CustomersRouteQueryVariables {
  const { filters, ordered } = list;
  const ownerId = list.owner === 'mine' ? meId : list.owner === 'all' ? undefined : list.owner;
  return {
    filter: {
      ...(list.search && { search: list.search }),
      ...(ownerId && { ownerId }),
      ...(filters.nature && { nature: [filters.nature] }),
      ...(filters.tier && { tier: [filters.tier] }),
      ...(filters.lifecycle && { lifecycle: [filters.lifecycle] }),
      ...(filters.abc && { abcClass: [filters.abc] }),
      ...(filters.risk && { riskLevel: [filters.risk] }),
      ...(filters.signal && { riskSignals: [filters.signal] }),
      ...(list.region && { region: [list.region] }),
      ...(list.competitor && { competitorId: list.competitor }),
      ...characteristicsFilter(list.characteristics),
      ...(ordered && {
        ordered: {
          from: ordered.from,
          to: ordered.to,
          ...(ordered.product && { productId: ordered.product }),
          ...(ordered.category && { category: ordered.category }),
          ...(ordered.region && { region: ordered.region }),
        },
      }),
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

/** The URL showing `owner`'s customers: one `owner` parameter, replacing a bookmark's old `scope`. */
export function withOwner(params: URLSearchParams, owner: Owner): URLSearchParams {
  return withParam(withParam(params, 'scope', ''), 'owner', owner);
}
