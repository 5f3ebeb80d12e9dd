// The English catalogue is the source of keys: `zh-CN` must provide exactly these (a type error
// otherwise, and `resources.test.ts` says which). Enum and role labels are not here: they come
// from `@dossier/domain`, shared with the server.
export const en = {
  app: {
    name: 'Dossier',
    tagline: 'Customer dossiers for B2B sales teams',
    loading: 'Loading…',
    retry: 'Try again',
  },
  language: { label: 'Language' },
  header: {
    signedInAs: 'Signed in as {{name}}',
    signOut: 'Sign out',
  },
  login: {
    title: 'Sign in to Dossier',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    wrongCredentials: 'Wrong email or password.',
  },
  home: {
    greeting: 'Welcome, {{name}}',
    role: 'Role: {{role}}',
    title: 'Title: {{title}}',
    placeholder: 'Your customer list will appear here.',
  },
  dossierForm: {
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    reload: 'Reload',
  },
  roles: {
    heading: 'Decision roles',
    assign: 'Assign a role',
    general: 'Purchases in general',
    empty: 'No decision roles recorded yet.',
    person: 'Key person',
    project: 'Project',
    role: 'Role',
    influence: 'Influence',
    concerns: 'Concerns',
    bestRelationship: 'Our best relationship',
    actions: 'Actions',
    departed: 'Left',
    remove: 'Remove',
    removeRole: 'Remove {{role}} role of {{person}}',
  },
  projects: {
    heading: 'Projects',
    count: '{{shown}} of {{all}} projects',
    empty: 'No projects yet.',
    name: 'Name',
    stage: 'Stage',
    amount: 'Expected amount',
    expectedCloseDate: 'Expected close',
    owner: 'Owner',
    edit: 'Edit project',
    events: 'Event log',
    noEvents: 'No events recorded yet.',
    olderEvents: 'Show older events ({{left}} more)',
    addEvent: 'Add an event',
    eventTitle: 'Event',
    occurredAt: 'When',
    description: 'Details',
    outcome: 'Outcome',
    nextStep: 'Next step',
    outcomeIs: 'Outcome: {{outcome}}',
    nextStepIs: 'Next step: {{nextStep}}',
  },
  trade: {
    heading: 'Trade',
    empty: 'No orders yet.',
    totals: 'Totals of {{shown}} of {{all}} orders',
    showMore: 'Show more orders',
    orderTitle: 'Order {{number}}',
    orderedAt: 'Ordered {{date}}',
    dueDate: 'due {{date}}',
    total: 'Total',
    paid: 'Paid',
    returned: 'Returned',
    open: 'Open',
    lines: 'Order lines',
    product: 'Product',
    quantity: 'Quantity',
    unitPrice: 'Unit price',
    discount: 'Discount',
    amount: 'Amount',
    payments: 'Payments',
    returns: 'Returns and discounts',
    recordPayment: 'Record a payment',
    recordPaymentFor: 'Record a payment for order {{number}}',
    paymentAmount: 'Amount (CNY)',
    paidOn: 'Paid on',
    method: 'Method',
    note: 'Note',
  },
  credit: {
    heading: 'Credit reports',
    record: 'Record a credit report',
    creditLimit: 'Credit limit: {{amount}}',
    none: 'none',
    latestExpired: 'The latest credit report has expired: the customer needs a new investigation.',
    empty: 'No credit reports yet.',
    reportedAt: 'Report date',
    validUntil: 'Valid until',
    expired: 'Expired',
    rating: 'Rating',
    recommendedLimit: 'Recommended limit (CNY)',
    summary: 'Overall assessment',
    author: 'Investigated by',
  },
  error: {
    BAD_USER_INPUT: 'Some of the values you entered are not valid.',
    UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
    FORBIDDEN: 'You are not allowed to do this.',
    NOT_FOUND: 'The record no longer exists.',
    VERSION_CONFLICT: 'Someone else changed this record. Reload it and try again.',
    UNREACHABLE: 'The Dossier server cannot be reached. Check your connection and try again.',
    UNKNOWN: 'Something went wrong. Please try again.',
  },
} as const;

/** The shape every other language must have: the same keys as `en`, any wording. */
export type Messages = { readonly [G in keyof typeof en]: { readonly [K in keyof (typeof en)[G]]: string } };

type Catalogue = typeof en;

/** Keys whose message has no `{{placeholder}}`: props can pass them to `t` without parameters. */
export type PlainMessageKey = {
  [G in keyof Catalogue]: {
    [K in keyof Catalogue[G]]: Catalogue[G][K] extends `${string}{{${string}` ? never : `${G}.${K & string}`;
  }[keyof Catalogue[G]];
}[keyof Catalogue];
