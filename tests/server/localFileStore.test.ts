/**
 * The local file store with several processes on one data directory (its single-process contract
 * is in storeContract.test.ts): concurrent writers lose nothing, a writer killed mid-write leaves
 * the store readable and no temporary file with personal data, stale locks are taken over.
 * Children are real Node processes (tests/support/children/localStoreWorker.ts).
 */
import { spawn } from 'child_process';
import { createHash } from 'crypto';
import fs from 'fs';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'fs';
import os from 'os';
import path from 'path';
import { LockTimeoutError, withFileLock } from '../../server/store/fileLock';
import { localFileStore } from '../../server/store/localFileStore';
import { runChild, startChild } from '../support/childProcess';

jest.setTimeout(60_000);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'local-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const worker = (...args: string[]) => runChild('localStoreWorker.ts', args);

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('local file store, several processes', () => {
  it('loses no transact from 4 processes × 40 at once, and readers only ever see whole files', async () => {
    const counters = localFileStore(dir).collection<{ n: number }>('counters');
    const children = Promise.all([1, 2, 3, 4].map(() => worker('increments', dir, '40')));
    // Meanwhile this process reads: each read is a whole, committed state, never going back.
    let reading = true;
    const seen: number[] = [];
    const reader = (async () => {
      while (reading) {
        seen.push((await counters.get('total'))?.n ?? 0);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const results = await children;
    reading = false;
    await reader;

    for (const result of results) expect(result).toMatchObject({ code: 0 });
    expect(await counters.get('total')).toEqual({ n: 160 });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(readdirSync(dir).sort()).toEqual(['counters.json']);
  });

  it('keeps every document put by 4 processes at once', async () => {
    const results = await Promise.all(
      ['a', 'b', 'c', 'd'].map((p) => worker('puts', dir, p, '30')),
    );
    for (const result of results) expect(result).toMatchObject({ code: 0 });
    const all = await localFileStore(dir).readAll<{ i: number }>('docs');
    expect(Object.keys(all)).toHaveLength(120);
    for (const p of ['a', 'b', 'c', 'd'])
      for (let i = 0; i < 30; i += 1) expect(all[`${p}-${i}`]).toMatchObject({ i });
  });

  it('after a writer is killed mid-write (SIGKILL), stays readable and keeps no temporary file', async () => {
    for (let round = 0; round < 3; round += 1) {
      const child = startChild('localStoreWorker.ts', ['writeLoop', dir]);
      await child.waitForLine(/^writing$/);
      await new Promise((resolve) => setTimeout(resolve, 20 + 40 * round));
      child.process.kill('SIGKILL');
      expect(await child.done).toMatchObject({ signal: 'SIGKILL' });

      // A new process opens the store: everything it reads is whole, and it can write.
      const people = localFileStore(dir).collection<{ round: number }>('people');
      const all = await localFileStore(dir).readAll<{ round: number }>('people');
      expect(Object.keys(all).length).toBeGreaterThan(0);
      await people.put('after', { round: -1 });
      expect(await people.get('after')).toEqual({ round: -1 });
      // Only the collection file is left: no temporary copy with names or ID numbers, no lock.
      expect(readdirSync(dir)).toEqual(['people.json']);
    }
  });

  it('takes over the lock of a writer that died holding it, and removes what it left', async () => {
    const pid = await deadPid();
    const file = path.join(dir, 'people.json');
    writeFileSync(file, JSON.stringify({ p1: { name: '李四', round: 1 } }));
    writeFileSync(`${file}.lock`, JSON.stringify({ host: os.hostname(), pid, token: 'dead' }));
    // Its half-written temporary file, and one from the store's earlier naming.
    writeFileSync(
      `${file}.tmp-${pid}-0a1b2c3d`,
      '{"p1":{"name":"张三","idCardNumber":"11010519491231002X"',
    );
    writeFileSync(`${file}.${pid}.1700000000000.tmp`, '{"p2":{"name":"王五"}}');
    writeFileSync(path.join(dir, 'other.json.tmp-1-ffffffff'), 'another collection’s');

    const people = localFileStore(dir).collection<{ name: string; round: number }>('people');
    await people.put('p2', { name: '*五', round: 2 });
    expect(await people.get('p1')).toEqual({ name: '李四', round: 1 });
    expect(readdirSync(dir).sort()).toEqual(['other.json.tmp-1-ffffffff', 'people.json']);
    expect(readFileSync(file, 'utf8')).not.toMatch(/张三|11010519491231002X|王五/);
  });
});

describe('opening the store', () => {
  it("removes dead processes' temporary files at once, even if this process only reads", async () => {
    const pid = await deadPid();
    writeFileSync(path.join(dir, 'people.json'), JSON.stringify({ p1: { name: '*四' } }));
    const dead = `people.json.tmp-${pid}-0a1b2c3d`;
    writeFileSync(path.join(dir, dead), '{"p1":{"name":"张三","idCardNumber":"11010519491231002X"');
    const live = `people.json.tmp-${process.pid}-0a1b2c3d`;
    writeFileSync(path.join(dir, live), '{"a write":"in progress"}');
    const people = localFileStore(dir).collection<{ name: string }>('people');
    expect(await people.get('p1')).toEqual({ name: '*四' });
    // A live process's temporary file is its write in progress: left alone.
    expect(readdirSync(dir).sort()).toEqual([live, 'people.json'].sort());
  });
});

describe('file lock', () => {
  const target = () => path.join(dir, 'x.json');
  /** This host as own files name it (fileLock.ts). */
  const hostTag = createHash('sha256').update(os.hostname()).digest('hex').slice(0, 8);

  it('takes over a lock older than staleMs even when its pid runs', async () => {
    writeFileSync(
      `${target()}.lock`,
      JSON.stringify({ host: os.hostname(), pid: 1, token: 'old' }),
    );
    const past = new Date(Date.now() - 60_000);
    utimesSync(`${target()}.lock`, past, past);
    const tookOver = await withFileLock(target(), async (lock) => lock.tookOver, {
      staleMs: 30_000,
    });
    expect(tookOver).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('waits for a live owner, and gives up after waitMs', async () => {
    writeFileSync(
      `${target()}.lock`,
      JSON.stringify({ host: os.hostname(), pid: 1, token: 'live' }),
    );
    await expect(
      withFileLock(target(), async () => 'never', { waitMs: 50, staleMs: 60_000 }),
    ).rejects.toBeInstanceOf(LockTimeoutError);
    // The live owner's lock is left alone.
    expect(JSON.parse(readFileSync(`${target()}.lock`, 'utf8'))).toMatchObject({ token: 'live' });
  });

  it('is never seen empty: another process finds it whole, with its owner, or absent', async () => {
    // Created empty and then written, a lock killed in between would name no owner, and only the
    // 30 s age rule could clear it. Here a process takes and releases it in a loop while this one
    // reads it (the earlier create-then-write lock was seen empty in ~8% of such reads).
    const child = startChild('localStoreWorker.ts', ['lockLoop', dir]);
    await child.waitForLine(/^locking$/);
    let seen = 0;
    const unreadable: string[] = [];
    for (let reads = 0; seen < 2000 && reads < 5_000_000; reads += 1) {
      let text: string;
      try {
        text = readFileSync(`${target()}.lock`, 'utf8');
      } catch {
        continue; // released: absent
      }
      seen += 1;
      try {
        expect(JSON.parse(text)).toMatchObject({ host: os.hostname(), pid: child.process.pid });
      } catch {
        unreadable.push(text);
      }
    }
    child.process.kill('SIGKILL');
    await child.done;
    expect(seen).toBe(2000);
    expect(unreadable).toEqual([]);
  });

  it('works where the file system has no hard links, by an exclusive create', async () => {
    const link = jest.spyOn(fs, 'linkSync').mockImplementation(() => {
      throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
    });
    try {
      let inside = 0;
      let most = 0;
      const task = async () => {
        inside += 1;
        most = Math.max(most, inside);
        const owner = JSON.parse(readFileSync(`${target()}.lock`, 'utf8')) as { pid: number };
        await new Promise((resolve) => setTimeout(resolve, 2));
        inside -= 1;
        return owner.pid;
      };
      const owners = await Promise.all(
        Array.from({ length: 5 }, () => withFileLock(target(), task)),
      );
      expect(link).toHaveBeenCalled();
      expect(owners).toEqual(Array(5).fill(process.pid));
      expect(most).toBe(1);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      link.mockRestore();
    }
  });

  it('clears what a process killed while taking the lock or breaking one left behind', async () => {
    const pid = await deadPid();
    const owner = JSON.stringify({ host: os.hostname(), pid, token: 'dead' });
    // Killed after linking the lock (its own file still there), and while breaking: its guard.
    writeFileSync(`${target()}.lock`, owner);
    writeFileSync(`${target()}.lock.new-${hostTag}-${pid}-0a1b2c3d`, owner);
    writeFileSync(`${target()}.lock.break`, JSON.stringify({ host: os.hostname(), pid }));
    writeFileSync(`${target()}.lock.break.new-${hostTag}-${pid}-0a1b2c3d`, owner);
    // A live process's own file is its lock being taken; another host's cannot be judged by its
    // pid: both left alone.
    const live = `x.json.lock.new-${hostTag}-${process.pid}-ffffffff`;
    writeFileSync(path.join(dir, live), '{}');
    const otherHost = `x.json.lock.new-00000000-${pid}-ffffffff`;
    writeFileSync(path.join(dir, otherHost), '{}');

    // Well within the 30 s age rule: the dead owner's guard and lock are judged by their pid.
    const tookOver = await withFileLock(target(), async (lock) => lock.tookOver, {
      waitMs: 5_000,
      staleMs: 60_000,
    });
    expect(tookOver).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([live, otherHost].sort());
  });

  it('counts a lock’s age from when it was taken, not from when its owner began waiting', async () => {
    const blocker = `${target()}.lock`;
    writeFileSync(blocker, JSON.stringify({ host: os.hostname(), pid: 1, token: 'live' }));
    const beganWaiting = Date.now();
    setTimeout(() => rmSync(blocker), 300);
    const takenMtime = await withFileLock(target(), async () => statSync(blocker).mtimeMs, {
      staleMs: 60_000,
    });
    // Taken at least 300 ms after the waiting began (a busy machine only makes it later); the
    // 100 ms margin covers the file system's coarse clock.
    expect(takenMtime).toBeGreaterThan(beganWaiting + 200);
  });

  it('is held by one task at a time, and released after a task that throws', async () => {
    let inside = 0;
    let most = 0;
    const task = async () => {
      inside += 1;
      most = Math.max(most, inside);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inside -= 1;
    };
    await Promise.all(Array.from({ length: 10 }, () => withFileLock(target(), task)));
    expect(most).toBe(1);
    await expect(
      withFileLock(target(), async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(readdirSync(dir)).toEqual([]);
  });
});
