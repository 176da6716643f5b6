/** Result of checking one form field: the normalised value, and a user-facing message when invalid. */
export type FieldCheck =
  { ok: true; value: string } | { ok: false; value: string; message: string };
