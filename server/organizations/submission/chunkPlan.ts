/** Which rows of a submission go in which ESS call (chunks of at most 10, held rows left out). */
import type { OrganizationRow } from '../../../src/domain/organizationContract';
import { chunkRows } from '../essRegistration';

/** The rows a batch sends, chunk by chunk, with their indexes in the submitted list. */
export interface ChunkPlan {
  rows: OrganizationRow[][];
  indexes: number[][];
}

export function planChunks(
  organizations: readonly OrganizationRow[],
  heldRows: readonly number[],
): ChunkPlan {
  const held = new Set(heldRows);
  const sent = organizations.flatMap((_row, index) => (held.has(index) ? [] : [index]));
  const indexes = chunkRows(sent);
  return { indexes, rows: indexes.map((chunk) => chunk.map((index) => organizations[index])) };
}

/** The positions (0-based, in the submitted list) of the rows of these chunks. */
export const positionsOf = (plan: ChunkPlan, chunkIndexes: readonly number[]): number[] =>
  chunkIndexes.flatMap((index) => plan.indexes[index]);
