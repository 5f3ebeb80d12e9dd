/** A timestamptz column as an ISO time in UTC (milliseconds), which the driver would leave as the database formats it. */
export const isoTime = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
