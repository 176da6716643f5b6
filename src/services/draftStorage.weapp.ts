/**
 * In memory: the mini-program keeps running while ESS is open half-screen (or full-screen) and
 * when the user comes back, so nothing personal needs to be written to the device's storage.
 */
import type { DraftStorage } from './types';

let value: string | null = null;

export const draftStorage: DraftStorage = {
  read: () => value,
  write: (next) => {
    value = next;
  },
  clear: () => {
    value = null;
  },
};
