/**
 * What the enterprises page does with rows that are the same enterprise (by name or credit code)
 * as one held back for a check in the ESS console (sent without an answer, maybe registered):
 *
 * - each held enterprise stands for at most one row (its `rowKey`): that row is held, never sent;
 * - rows pasted again after a reload take the place of their held enterprise (`rowsToBind`);
 * - any other row of the same enterprise gets an error (`withHeldClashes`) and is not sent either.
 */
import { normalizeCreditCode } from '../../domain/creditCode';
import type { RowError } from '../../domain/organizationContract';
import {
  normalizeOrganizationName,
  type OrganizationRowsCheck,
} from '../../domain/organizationInput';
import type { OrganizationDraft } from './organizationDrafts';

/** A held enterprise as the page knows it: its name and code. */
export interface HeldIdentity {
  organizationName: string;
  uniformSocialCreditCode: string;
}

/** The keys under which an enterprise is known: its normalised name and credit code. */
function identityKeys(values: HeldIdentity): string[] {
  const name = normalizeOrganizationName(values.organizationName);
  const code = normalizeCreditCode(values.uniformSocialCreditCode);
  return [...(name ? [`name:${name}`] : []), ...(code ? [`code:${code}`] : [])];
}

/** Whether the row is that enterprise (same name or same code). */
const isSameEnterprise = (draft: OrganizationDraft, held: HeldIdentity): boolean => {
  const keys = identityKeys(held);
  return identityKeys(draft.values).some((key) => keys.includes(key));
};

/**
 * Pasted rows to hold in place of held enterprises that have no row: the first pasted row of each
 * (by name or code). Answers `[code, rowKey]` pairs.
 */
export function rowsToBind(
  pasted: readonly OrganizationDraft[],
  withoutRow: readonly HeldIdentity[],
): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const taken = new Set<string>();
  for (const entry of withoutRow) {
    const match = pasted.find((draft) => !taken.has(draft.key) && isSameEnterprise(draft, entry));
    if (!match) continue;
    taken.add(match.key);
    pairs.push([entry.uniformSocialCreditCode, match.key]);
  }
  return pairs;
}

/** A held enterprise, and what another row that is the same enterprise is told. */
export interface HeldClash extends HeldIdentity {
  message: string;
}

/**
 * `check` with an error on every row (of `filled`) that is the same enterprise as a held one:
 * pasting the list again must not send the enterprises held back a second time.
 */
export function withHeldClashes(
  check: OrganizationRowsCheck,
  filled: readonly OrganizationDraft[],
  held: readonly HeldClash[],
): OrganizationRowsCheck {
  if (held.length === 0) return check;
  const heldMessages = new Map<string, string>();
  for (const identity of [...held].reverse()) {
    for (const key of identityKeys(identity)) heldMessages.set(key, identity.message);
  }
  const clashes = new Map<number, string>();
  filled.forEach((draft, index) => {
    const message = identityKeys(draft.values)
      .map((key) => heldMessages.get(key))
      .find(Boolean);
    if (message) clashes.set(index, message);
  });
  if (clashes.size === 0) return check;
  const rowErrors: RowError[] = check.ok ? [] : [...check.rowErrors];
  for (const [index, message] of clashes) {
    const existing = rowErrors.findIndex((error) => error.index === index);
    if (existing >= 0) {
      rowErrors[existing] = { index, fields: { ...rowErrors[existing].fields, row: message } };
    } else rowErrors.push({ index, fields: { row: message } });
  }
  rowErrors.sort((a, b) => a.index - b.index);
  return {
    ok: false,
    rowErrors,
    ...(!check.ok && check.message ? { message: check.message } : {}),
  };
}
