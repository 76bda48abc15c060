/** The `code` of a thrown Node error (`ENOENT`, `ERR_PARSE_ARGS_UNKNOWN_OPTION`, …), or '' when it has none. */
export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}
