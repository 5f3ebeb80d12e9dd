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
  nav: { label: 'Main', customers: 'Customers' },
  notFound: {
    title: 'Page not found',
    body: 'There is nothing at this address. It may have moved, or the link is mistyped.',
    back: 'Back to customers',
  },
  customers: {
    title: 'Customers',
  },
  dossierPage: {
    sections: 'Dossier sections',
    owner: 'Owner: {{name}}',
    noOwner: 'nobody',
    classes: 'Classification',
  },
  tabs: {
    basic: 'Basic sheet',
    people: 'Key persons',
    map: 'Relationship map',
    roles: 'Decision roles',
    projects: 'Projects',
    trade: 'Trade',
    credit: 'Credit',
    history: 'History',
  },
  map: {
    heading: 'Relationship map',
    search: 'Find a key person',
    find: 'Find',
    notFound: 'Nobody on this map matches.',
    keyPlayersOnly: 'Key players only',
    fit: 'Fit to screen',
    addPerson: 'Add key person',
    addPlaceholder: 'Add placeholder',
    counts: '{{persons}} key persons · {{gaps}} coverage gaps',
    legend: 'Relationship states',
    linkHint: 'Now tap the key person {{name}} knows.',
    cancel: 'Cancel',
    close: 'Close',
    save: 'Save',
    keyPlayer: 'Key player',
    cardMenu: 'Edit {{name}}',
    influence: 'Influence: {{level}}',
    best: 'Best: {{state}}',
    placeholder: 'Not met yet',
    uncovered: 'Uncovered decision maker.',
    suggestion: '{{staff}} can ask {{via}} ({{closeness}}).',
    noSuggestion: 'Nobody of ours is close yet.',
    linkLabel: '{{staff}} → {{person}}: {{state}}',
    linkTitle: '{{staff}} → {{person}}',
    moreStaff: '+{{count}} more',
    fold: 'Fold the people under {{name}}',
    unfold: 'Show the people under {{name}}',
    startLink: 'Link {{name}} to a key person',
    chooseState: 'Relationship state',
    noteOptional: 'Note (optional)',
    saveNote: 'Save note only',
    showTimeline: 'State timeline',
    timeline: 'State timeline',
    conflict: 'Someone changed this link after you opened the map.',
    changedFrom: '{{state}} (was {{previous}})',
    created: '{{state}} (new link)',
    system: 'System',
    theirs: 'Now on record',
    yours: 'Your change',
    gone: 'Removed',
    reapply: 'Apply my change',
    keepTheirs: 'Keep theirs',
    notSaved: 'Not saved',
    reportsTo: 'Reports to',
    nobody: 'Nobody',
    role: 'Decision role',
    influenceLabel: 'Influence',
    noRole: 'No role',
    removeRole: 'Remove the role {{role}}',
    newLinkFrom: 'Link',
    openTheDoor: 'Who can open the door',
    assignRole: 'Add role',
    name: 'Name',
    title: 'Title',
    department: 'Department',
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
