/** Page sizes of every connection, apart from the argument classes so that plain code can import them. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
