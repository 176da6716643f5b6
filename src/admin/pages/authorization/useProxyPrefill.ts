import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TaskStatus } from '../../../services/organizations';

/**
 * The subsidiary (`proxyOrganizationId`) the link is made for: filled in from the tasks of the
 * selected enterprises (the server answers each task's with its links) until the operator types;
 * selected enterprises of different subsidiaries cannot share one link.
 */
export function useProxyPrefill(tasks: readonly TaskStatus[], selected: readonly string[]) {
  const proxies = useMemo(() => {
    const found = new Set<string>();
    for (const task of tasks) {
      if (task.state !== 'ready') continue;
      if (task.rows.some((row) => selected.includes(row.subTaskId))) {
        found.add(task.proxyOrganizationId ?? '');
      }
    }
    return [...found];
  }, [tasks, selected]);
  const [value, setValue] = useState('');
  const [typed, setTyped] = useState(false);

  useEffect(() => {
    if (!typed && proxies.length === 1) setValue(proxies[0]);
  }, [typed, proxies]);

  const set = useCallback((next: string) => {
    setTyped(true);
    setValue(next);
  }, []);

  const problem =
    proxies.length > 1 ? '所选企业属于不同的子企业（或集团本身），请分开生成链接' : null;
  return { value, set, problem };
}
