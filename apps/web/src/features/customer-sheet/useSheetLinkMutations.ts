import { useMutation } from '@apollo/client/react';
import { evictHistory } from '../../apollo/evictHistory';
import {
  CreateCustomerSheetLinkDocument,
  ReviewCustomerSheetDocument,
  RevokeCustomerSheetLinkDocument,
} from '../../apollo/generated';

/**
 * The rep's writes on a customer's sheet links. Each adds to the dossier's history; a review may change
 * the basic sheet, so the tab's query is read again rather than patched field by field.
 */
export function useCreateSheetLink(customerId: string) {
  return useMutation(CreateCustomerSheetLinkDocument, {
    refetchQueries: ['BasicTab'],
    update: (cache) => evictHistory(cache, customerId),
  });
}

export function useRevokeSheetLink(customerId: string) {
  return useMutation(RevokeCustomerSheetLinkDocument, {
    update: (cache) => evictHistory(cache, customerId),
  });
}

export function useReviewSheet(customerId: string) {
  return useMutation(ReviewCustomerSheetDocument, {
    refetchQueries: ['BasicTab'],
    awaitRefetchQueries: true,
    update: (cache) => evictHistory(cache, customerId),
  });
}
