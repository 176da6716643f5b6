import { useCallback, useMemo, useState } from 'react';

/**
 * Which sub-tasks go into the link. Until the operator changes it, every ready sub-task is
 * selected (including those that become ready later) but those `leftOut` (known to have no super
 * admin); "全选" selects every one.
 */
export function useSubTaskSelection(available: readonly string[], leftOut: readonly string[] = []) {
  const [picked, setPicked] = useState<readonly string[] | null>(null);
  const selected = useMemo(
    () =>
      picked === null
        ? available.filter((id) => !leftOut.includes(id))
        : available.filter((id) => picked.includes(id)),
    [available, leftOut, picked],
  );

  const toggle = useCallback(
    (id: string, checked: boolean) => {
      const rest = selected.filter((item) => item !== id);
      setPicked(checked ? [...rest, id] : rest);
    },
    [selected],
  );
  const selectAll = useCallback(() => setPicked([...available]), [available]);
  const selectNone = useCallback(() => setPicked([]), []);
  /** Exactly these (e.g. the enterprises of one super admin). */
  const selectOnly = useCallback((ids: readonly string[]) => setPicked([...ids]), []);

  return { selected, toggle, selectAll, selectNone, selectOnly };
}
