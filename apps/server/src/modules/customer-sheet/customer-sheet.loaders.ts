import { childrenLoader } from '../../core/loaders.js';
import { CustomerSheetLink } from './customer-sheet-link.entity.js';

/** A customer's sheet links, newest first. */
export const sheetLinksOfCustomer = childrenLoader(CustomerSheetLink, 'customer', {
  createdAt: 'desc',
  id: 'desc',
});
