/**
 * A stand-in for wx-server-sdk's database (`cloud.database(config)`), for the WeChat cloud
 * database adapter's tests: the WeChat runtime cannot run here. It keeps the SDK's and the
 * database's rules that the adapter relies on, as read in wx-server-sdk 4.0.2 and
 * @cloudbase/database (node_modules):
 * - `doc(id).get()` rejects for a missing document unless the database was opened with
 *   `throwOnNotFound: false` (then `data: null`); documents come back with their `_id`;
 * - `doc(id).set({ data })` replaces or creates; it rejects `_id` in `data` and an empty `data`;
 * - `collection.add({ data })` creates, with `data._id` as the id when given, and rejects an id
 *   that exists (duplicate key);
 * - `where(query).update({ data })` merges: plain objects are applied field by field (nested
 *   fields too), `command.set(v)` replaces a field whole, `command.remove()` deletes it;
 *   `stats.updated` counts the documents it changed; `where(query).remove()` → `stats.removed`;
 * - queries match on equality, `command.lt(n)` and `command.exists(bool)`;
 * - every request travels (one turn of the event loop, or `latencyMs`) before it is applied and
 *   before it answers, so concurrent callers interleave as they would over the network.
 * Faults can be queued per operation: `fail` (nothing applied) or `lost` (applied, answer lost).
 */
type Doc = Record<string, unknown> & { _id: string };
type Operation = 'get' | 'set' | 'docRemove' | 'add' | 'query' | 'update' | 'remove';

class Command {
  constructor(
    readonly op: 'lt' | 'exists' | 'set' | 'remove',
    readonly value?: unknown,
  ) {}
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Command);

function sdkError(api: string, message: string): Error {
  return Object.assign(new Error(`${api}:fail ${message}`), { errCode: -501001 });
}

function matches(doc: Doc, query: Record<string, unknown>): boolean {
  return Object.entries(query).every(([field, condition]) => {
    const value = doc[field];
    if (condition instanceof Command) {
      if (condition.op === 'lt')
        return typeof value === 'number' && value < Number(condition.value);
      if (condition.op === 'exists') return field in doc === condition.value;
      throw new Error(`stand-in: ${condition.op} is not a query command`);
    }
    return JSON.stringify(value) === JSON.stringify(condition);
  });
}

/** Applies an update's `data` to `doc` the way the database merges it. */
function applyUpdate(doc: Record<string, unknown>, data: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(data)) {
    if (value === undefined) continue;
    if (value instanceof Command) {
      if (value.op === 'set') doc[field] = copy(value.value);
      else if (value.op === 'remove') delete doc[field];
      else throw new Error(`stand-in: ${value.op} is not an update command`);
    } else if (isPlainObject(value)) {
      const nested = isPlainObject(doc[field]) ? (doc[field] as Record<string, unknown>) : {};
      applyUpdate(nested, value);
      doc[field] = nested;
    } else {
      doc[field] = copy(value);
    }
  }
}

function assertData(api: string, data: unknown, { idAllowed }: { idAllowed: boolean }): void {
  if (!isPlainObject(data) || Object.keys(data).length === 0)
    throw sdkError(api, '-501007 invalid parameters. options.data 不能为空对象');
  if (!idAllowed && '_id' in data)
    throw sdkError(api, '-501007 invalid parameters. 不能更新_id的值');
}

export interface WxDatabaseStandIn {
  /** What `cloud.database` returns. */
  database(config?: { throwOnNotFound?: boolean }): unknown;
  /** The stored documents (with `_id`, `_rev`), as the database holds them. */
  collections: Map<string, Map<string, Doc>>;
  /** Requests made, by operation. */
  requests: Record<Operation, number>;
  totalRequests(): number;
  /** Makes the next `operation` fail before it is applied (`fail`) or after (`lost`). */
  injectFault(operation: Operation, kind: 'fail' | 'lost'): void;
  /** Makes every request fail, as with the database unreachable. */
  setUnreachable(unreachable: boolean): void;
  reset(): void;
}

export interface StandInOptions {
  /** Time each way of a request, in ms (default: one turn of the event loop). */
  latencyMs?: () => number;
}

export function wxDatabaseStandIn({ latencyMs }: StandInOptions = {}): WxDatabaseStandIn {
  const travel = latencyMs
    ? () => new Promise<void>((resolve) => setTimeout(resolve, latencyMs()))
    : tick;
  const collections = new Map<string, Map<string, Doc>>();
  const zero = (): Record<Operation, number> => ({
    get: 0,
    set: 0,
    docRemove: 0,
    add: 0,
    query: 0,
    update: 0,
    remove: 0,
  });
  let requests = zero();
  let faults: { operation: Operation; kind: 'fail' | 'lost' }[] = [];
  let unreachable = false;
  let generated = 0;

  const docsOf = (name: string) => {
    let docs = collections.get(name);
    if (!docs) collections.set(name, (docs = new Map()));
    return docs;
  };

  /** One request: travel, apply, travel back; faults as queued. */
  async function request<T>(operation: Operation, api: string, apply: () => T): Promise<T> {
    requests[operation] += 1;
    await travel();
    if (unreachable) throw sdkError(api, '-501001 resource system error. connect ECONNREFUSED');
    const at = faults.findIndex((fault) => fault.operation === operation);
    const fault = at >= 0 ? faults.splice(at, 1)[0] : undefined;
    if (fault?.kind === 'fail') throw sdkError(api, '-501001 resource system error. ETIMEDOUT');
    const result = apply();
    await travel();
    if (fault?.kind === 'lost') throw sdkError(api, '-501001 resource system error. ECONNRESET');
    return result;
  }

  const command = {
    lt: (value: number) => new Command('lt', value),
    exists: (value: boolean) => new Command('exists', value),
    set: (value: unknown) => new Command('set', value),
    remove: () => new Command('remove'),
  };

  function database(config: { throwOnNotFound?: boolean } = {}) {
    const throwOnNotFound = config.throwOnNotFound ?? true;
    return {
      command,
      collection: (name: string) => {
        const docs = () => docsOf(name);
        const query = (conditions: Record<string, unknown>, max = 100) => {
          const selected = () => [...docs().values()].filter((doc) => matches(doc, conditions));
          return {
            limit: (n: number) => query(conditions, n),
            get: () =>
              request('query', 'collection.get', () => ({ data: copy(selected().slice(0, max)) })),
            update: ({ data }: { data: Record<string, unknown> }) =>
              request('update', 'collection.update', () => {
                assertData('collection.update', data, { idAllowed: false });
                let updated = 0;
                for (const doc of selected()) {
                  const before = JSON.stringify(doc);
                  applyUpdate(doc, data);
                  if (JSON.stringify(doc) !== before) updated += 1;
                }
                return { stats: { updated } };
              }),
            remove: () =>
              request('remove', 'collection.remove', () => {
                const gone = selected();
                for (const doc of gone) docs().delete(doc._id);
                return { stats: { removed: gone.length } };
              }),
          };
        };
        return {
          where: (conditions: Record<string, unknown>) => query(conditions),
          add: ({ data }: { data: Record<string, unknown> }) =>
            request('add', 'collection.add', () => {
              assertData('collection.add', data, { idAllowed: true });
              const id = typeof data._id === 'string' ? data._id : `generated-${(generated += 1)}`;
              if (docs().has(id))
                throw sdkError(
                  'collection.add',
                  `-502001 database request fail. E11000 duplicate key error, _id: ${id}`,
                );
              docs().set(id, { ...copy(data), _id: id });
              return { _id: id };
            }),
          doc: (id: string) => ({
            get: () =>
              request('get', 'document.get', () => {
                const doc = docs().get(id);
                if (!doc && throwOnNotFound)
                  throw sdkError('document.get', `document with _id ${id} does not exist`);
                return { data: doc ? copy(doc) : null };
              }),
            set: ({ data }: { data: Record<string, unknown> }) =>
              request('set', 'document.set', () => {
                assertData('document.set', data, { idAllowed: false });
                const existed = docs().has(id);
                docs().set(id, { ...copy(data), _id: id });
                return { _id: id, stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 } };
              }),
            remove: () =>
              request('docRemove', 'document.remove', () => ({
                stats: { removed: docs().delete(id) ? 1 : 0 },
              })),
          }),
        };
      },
    };
  }

  return {
    database,
    collections,
    get requests() {
      return requests;
    },
    totalRequests: () => Object.values(requests).reduce((sum, n) => sum + n, 0),
    injectFault: (operation, kind) => faults.push({ operation, kind }),
    setUnreachable: (value) => {
      unreachable = value;
    },
    reset: () => {
      collections.clear();
      requests = zero();
      faults = [];
      unreachable = false;
    },
  };
}
