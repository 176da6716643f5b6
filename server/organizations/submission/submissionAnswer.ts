/**
 * The answer to a submission: the TaskIds of the chunks ESS took, and per enterprise its status
 * (what the pages act on) and a message (what they show).
 */
import type {
  CreateBatchOrganizationRegistrationTasksResult,
  RegistrationRowStatus,
} from '../../../src/domain/organizationContract';
import type { ChunkRecord, RegistrationBatchRecord } from '../records';
import { ROW_NOTES } from '../wording';
import type { ChunkPlan } from './chunkPlan';

/** What this invocation learnt about a chunk that is (still or again) `pending`. */
export type PendingNote =
  { kind: 'refused'; errorMessages: string[] } | { kind: 'failed'; message: string };

interface RowOutcome {
  status: RegistrationRowStatus;
  message: string;
}

/** What became of each of a chunk's enterprises. */
function chunkOutcomes(chunk: ChunkRecord, size: number, note?: PendingNote): RowOutcome[] {
  return Array.from({ length: size }, (_, row): RowOutcome => {
    if (chunk.state === 'submitted') {
      const message = chunk.errorMessages[row] ?? '';
      return { status: message ? 'refused' : 'submitted', message };
    }
    if (chunk.state !== 'pending') return { status: 'unconfirmed', message: ROW_NOTES.unconfirmed };
    if (note?.kind === 'refused') {
      const message = note.errorMessages[row];
      return message
        ? { status: 'refused', message }
        : { status: 'failed', message: ROW_NOTES.groupRefused };
    }
    return { status: 'failed', message: note?.message ?? ROW_NOTES.notSent };
  });
}

export function submissionAnswer(
  batch: RegistrationBatchRecord,
  plan: ChunkPlan,
  notes: ReadonlyMap<number, PendingNote>,
  replayed: boolean,
): Extract<CreateBatchOrganizationRegistrationTasksResult, { ok: true }> {
  const taskIds = batch.chunks.flatMap((chunk) =>
    chunk.state === 'submitted' ? [chunk.taskId] : [],
  );
  const rows: RowOutcome[] = [];
  for (const index of batch.heldRows ?? []) {
    rows[index] = { status: 'unconfirmed', message: ROW_NOTES.held };
  }
  batch.chunks.forEach((chunk, index) => {
    const indexes = plan.indexes[index];
    chunkOutcomes(chunk, indexes.length, notes.get(index)).forEach((outcome, row) => {
      rows[indexes[row]] = outcome;
    });
  });
  return {
    ok: true,
    taskIds,
    errorMessages: rows.map((row) => row.message),
    rowStatuses: rows.map((row) => row.status),
    replayed,
  };
}
