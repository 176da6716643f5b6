/** An optional string parameter: an empty string counts as not given, as ESS treats it. */
export function presentText(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
