/**
 * Sales regions of Northwind's countries, for composition by region: the continent, with Mexico in North
 * America. A country missing here (none in the published data) lands in "Other".
 */
export const NORTHWIND_REGIONS: Readonly<Record<string, string>> = {
  USA: 'North America',
  Canada: 'North America',
  Mexico: 'North America',
  Argentina: 'South America',
  Brazil: 'South America',
  Venezuela: 'South America',
  Austria: 'Europe',
  Belgium: 'Europe',
  Denmark: 'Europe',
  Finland: 'Europe',
  France: 'Europe',
  Germany: 'Europe',
  Ireland: 'Europe',
  Italy: 'Europe',
  Norway: 'Europe',
  Poland: 'Europe',
  Portugal: 'Europe',
  Spain: 'Europe',
  Sweden: 'Europe',
  Switzerland: 'Europe',
  UK: 'Europe',
};

export const OTHER_REGION = 'Other';
