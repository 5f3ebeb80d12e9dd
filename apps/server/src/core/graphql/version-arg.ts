/**
 * The optional version argument of mutations that had none in the published contract (a new required
 * argument would break existing clients). Clients should always send it.
 */
export const EXPECTED_VERSION_DESCRIPTION =
  'The version you read; send it: a stale one is refused with VERSION_CONFLICT (extensions.currentVersion) ' +
  'and nothing changes. Omitted (older clients only), the change applies to the current version / ' +
  '读取时的版本号，请务必提供：版本过期时返回 VERSION_CONFLICT 且不做任何修改；省略时按当前版本执行';
