import type { Reference } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { evictHistory, refetchIfIncomplete } from '../../../apollo/evictHistory';
import { RecordCreditReportDocument, type RecordCreditReportInput } from '../../../apollo/generated';
import { useViewer } from '../forms/useViewer';

/** Records a credit report; it appears at once in the customer's list, newest first. */
export function useRecordCreditReport() {
  const author = useViewer();
  const [mutate, { loading }] = useMutation(RecordCreditReportDocument, {
    onQueryUpdated: refetchIfIncomplete,
    update(cache, { data }) {
      const report = data?.recordCreditReport;
      if (!report) return;
      evictHistory(cache, report.customer.id);
      cache.modify<{ creditReports: Reference[] }>({
        id: cache.identify(report.customer),
        fields: {
          creditReports(existing, { toReference, readField }) {
            const ref = toReference(report);
            if (!ref || existing.some((r) => readField('id', r) === report.id)) return existing;
            const later = existing.filter(
              (r) => (readField<string>('reportedAt', r) ?? '') > report.reportedAt,
            );
            return [...later, ref, ...existing.slice(later.length)];
          },
        },
      });
    },
  });

  function record(input: RecordCreditReportInput) {
    return mutate({
      variables: { input },
      optimisticResponse: {
        recordCreditReport: {
          __typename: 'CreditReport',
          id: `CreditReport:optimistic-${input.reportedAt}`,
          reportedAt: input.reportedAt,
          validUntil: input.validUntil,
          // The business calendar is the server's; its answer corrects this within a round trip.
          expired: false,
          rating: input.rating,
          recommendedLimit: input.recommendedLimit ?? null,
          summary: input.summary ?? null,
          author,
          customer: { __typename: 'Customer', id: String(input.customerId) },
        },
      },
    });
  }

  return [record, { loading }] as const;
}
