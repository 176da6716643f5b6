/** Keeps the emulator's state in a JSON file (option `stateFile`), written atomically. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'fs';
import path from 'path';
import type { EmulatorState, EmulatorStateSnapshot } from './state';

export interface StatePersistence {
  /** Writes the current state if anything may have changed since the last save. */
  save(): void;
}

export function persistState(
  state: EmulatorState,
  file: string,
  log: (line: string) => void,
): StatePersistence {
  try {
    state.restore(JSON.parse(readFileSync(file, 'utf8')) as EmulatorStateSnapshot);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      log(`[ess-emulator] could not read ${file}, starting empty: ${String(error)}`);
    }
  }
  let last = JSON.stringify(state.snapshot());
  return {
    save() {
      const next = JSON.stringify(state.snapshot());
      if (next === last) return;
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, next, { mode: 0o600 });
      renameSync(temp, file);
      last = next;
    },
  };
}
