import { AuditEvent } from '@dossier/domain';
import type { AuditLogQueryVariables } from '../../apollo/generated';

/** The URL parameters of the audit log page, each '' when not set. */
export interface AuditParams {
  event: AuditEvent | '';
  /** a Staff id: entries where that person acted or was acted upon */
  staff: string;
  /** first and last day (YYYY-MM-DD) of the business calendar, both included */
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the page's filters from the URL; a value that cannot be one (an old bookmark, a typo) is ignored. */
export function readAuditParams(params: URLSearchParams): AuditParams {
  const event = Object.values(AuditEvent).find((value) => value === params.get('event')) ?? '';
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return DAY.test(value) ? value : '';
  };
  const [from, to] = [day('from'), day('to')];
  // Days typed the wrong way round still mean the days between them.
  const swap = from !== '' && to !== '' && from > to;
  return { event, staff: params.get('staff') ?? '', from: swap ? to : from, to: swap ? from : to };
}

/** The auditLog query's variables for the filters; none set lists everything. */
export function auditVariables({ event, staff, from, to }: AuditParams): AuditLogQueryVariables {
  const filter = {
    ...(event && { events: [event] }),
    ...(staff && { staffId: staff }),
    ...(from && { fromDay: from }),
    ...(to && { toDay: to }),
  };
  return Object.keys(filter).length > 0 ? { filter } : {};
}
