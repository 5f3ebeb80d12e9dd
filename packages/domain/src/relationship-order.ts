/**
 * Sort keys of the analysts' relationship list (`RelationshipOrder.field`): a schema enum of our own, beyond
 * the contract, with values equal to names as the contract's enums (enums.ts).
 */
export enum RelationshipOrderField {
  LAST_CONTACT = 'LAST_CONTACT',
  CUSTOMER_NAME = 'CUSTOMER_NAME',
  KEY_PERSON_NAME = 'KEY_PERSON_NAME',
}
