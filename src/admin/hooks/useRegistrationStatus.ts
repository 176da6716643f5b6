import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RegistrationUrlRow } from '../../domain/organizationContract';
import { pendingTasks, pollRegistrationUrls, type TaskStatus } from '../../services/organizations';
import {
  addSubmission,
  forgetRegistration,
  recallRegistration,
  rememberRegistration,
  type RememberedRegistration,
} from '../../services/registrationHistory';

/** `polling`: asking ESS; `settled`: every task answered; `timedOut`: gave up, refresh by hand. */
export type PollPhase = 'idle' | 'polling' | 'settled' | 'timedOut';

export interface RegistrationStatus {
  registration: RememberedRegistration | null;
  phase: PollPhase;
  tasks: TaskStatus[];
  /** Every enterprise link ESS has answered so far, in task order. */
  readyRows: RegistrationUrlRow[];
  /** Enterprises whose links are ready, and how many were submitted. */
  progress: { ready: number; total: number };
  /** Tasks ESS could not answer for (not worth asking again automatically). */
  failures: Array<{ taskId: string; message: string }>;
  forbidden: boolean;
  /** Remembers a new submission (with the recent ones) and follows its tasks. */
  track: (registration: RememberedRegistration) => void;
  /** Asks again about every task that is not ready (after a time-out or a failure). */
  refresh: () => void;
  /** Forgets the submission on this device. */
  clear: () => void;
}

/**
 * The live status of the last submitted registration: recalled from local storage on mount,
 * then polled with back-off until every task is ready (see `pollRegistrationUrls`).
 */
export function useRegistrationStatus(): RegistrationStatus {
  const [registration, setRegistration] = useState<RememberedRegistration | null>(
    recallRegistration,
  );
  const [tasks, setTasks] = useState<TaskStatus[]>([]);
  const [phase, setPhase] = useState<PollPhase>('idle');
  // Each poll takes a ticket; an older poll stops at its next step. Unmounting takes one too.
  const ticketRef = useRef(0);
  const tasksRef = useRef<TaskStatus[]>([]);
  const registrationRef = useRef(registration);
  registrationRef.current = registration;

  const follow = useCallback((start: TaskStatus[]) => {
    const ticket = ++ticketRef.current;
    const isCancelled = () => ticket !== ticketRef.current;
    tasksRef.current = start;
    setTasks(start);
    setPhase('polling');
    void pollRegistrationUrls(start, {
      isCancelled,
      onUpdate: (next) => {
        tasksRef.current = next;
        setTasks(next);
      },
    }).then((outcome) => {
      if (outcome.kind !== 'cancelled') setPhase(outcome.kind);
    });
  }, []);

  // The registration recalled on mount is followed at once; later ones come through `track`.
  const [recalled] = useState(registration);
  useEffect(() => {
    if (recalled) follow(pendingTasks(recalled.taskIds));
    const tickets = ticketRef;
    return () => {
      tickets.current += 1;
    };
  }, [recalled, follow]);

  const track = useCallback(
    (next: RememberedRegistration) => {
      const remembered = addSubmission(registrationRef.current, next);
      rememberRegistration(remembered);
      registrationRef.current = remembered;
      setRegistration(remembered);
      // Tasks already followed keep what is known of them; the new ones are asked about.
      const known = new Map(tasksRef.current.map((task) => [task.taskId, task]));
      follow(
        remembered.taskIds.map((taskId): TaskStatus =>
          known.get(taskId)?.state === 'ready' ? known.get(taskId)! : { taskId, state: 'pending' },
        ),
      );
    },
    [follow],
  );

  const refresh = useCallback(() => {
    // Ready tasks keep their links; failed and pending ones are asked about again.
    follow(
      tasksRef.current.map((task) =>
        task.state === 'ready' ? task : { taskId: task.taskId, state: 'pending' },
      ),
    );
  }, [follow]);

  const clear = useCallback(() => {
    ticketRef.current += 1;
    forgetRegistration();
    registrationRef.current = null;
    setRegistration(null);
    tasksRef.current = [];
    setTasks([]);
    setPhase('idle');
  }, []);

  const summary = useMemo(() => summarize(registration, tasks), [registration, tasks]);
  return { registration, phase, tasks, ...summary, track, refresh, clear };
}

function summarize(registration: RememberedRegistration | null, tasks: TaskStatus[]) {
  const readyRows: RegistrationUrlRow[] = [];
  const failures: RegistrationStatus['failures'] = [];
  let forbidden = false;
  for (const task of tasks) {
    if (task.state === 'ready') readyRows.push(...task.rows);
    if (task.state === 'failed') {
      failures.push({ taskId: task.taskId, message: task.message });
      if (task.code === 'FORBIDDEN') forbidden = true;
    }
  }
  const submitted = registration?.organizationNames.length ?? 0;
  return {
    readyRows,
    failures,
    forbidden,
    progress: { ready: readyRows.length, total: Math.max(submitted, readyRows.length) },
  };
}
