/** A customer's characteristics as the API answers them when none is filled in. */
export const noCharacteristics = {
  __typename: 'CustomerCharacteristics',
  serviceArea: null,
  businessScope: null,
  salesCapacity: null,
  growthPotential: null,
  businessPhilosophy: null,
  businessStyle: null,
  industryStanding: null,
  marketInfluence: null,
  distributionCapability: null,
  capitalStrength: null,
  reputation: null,
  cooperationIntent: null,
};
