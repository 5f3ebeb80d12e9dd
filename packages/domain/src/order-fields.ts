// Sort keys of the server's own lists beyond the contract (the contract's CustomerOrderField is in enums.ts):
// schema enums whose values equal their names, as the contract's, labelled in labels.ts.

/** Sort keys of the analysts' relationship list (`RelationshipOrder.field`). */
export enum RelationshipOrderField {
  LAST_CONTACT = 'LAST_CONTACT',
  CUSTOMER_NAME = 'CUSTOMER_NAME',
  KEY_PERSON_NAME = 'KEY_PERSON_NAME',
}

/** Sort keys of the staff directory (`StaffOrder.field`). */
export enum StaffOrderField {
  NAME = 'NAME',
  EMAIL = 'EMAIL',
}
